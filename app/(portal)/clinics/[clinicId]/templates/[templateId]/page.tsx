import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireMemberPage } from "@/lib/authz";
import { isManager } from "@/lib/member-context";
import { isAppError } from "@/lib/errors";
import { getTemplate } from "@/lib/templates/queries";
import { builderFromTemplate } from "@/lib/handout-drafts/builder-data";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { EditTemplateForm } from "./edit-template-form";

export const metadata: Metadata = { title: "Edit template" };

export default async function EditTemplatePage({
  params,
}: {
  params: Promise<{ clinicId: string; templateId: string }>;
}) {
  const { clinicId, templateId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const [template, start] = await Promise.all([
    getTemplate(ctx, templateId),
    builderFromTemplate(ctx, templateId),
  ]).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  if (template.createdById !== ctx.user.id && !isManager(ctx.role)) notFound();
  return (
    <>
      <PageHeader
        title={`Edit “${template.name}”`}
        description={`From ${start.guide.title} (version ${start.guide.version}). A template keeps everything but the patient: saving here changes the handouts made from it from now on.`}
      />
      {start.notices.slice(1).map((n) => (
        <Alert key={n} tone="warning">
          {n}
        </Alert>
      ))}
      <EditTemplateForm clinicId={clinicId} template={{ id: template.id, name: template.name }} start={start} />
    </>
  );
}
