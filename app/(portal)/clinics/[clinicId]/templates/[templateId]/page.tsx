import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireMemberPage, isManager } from "@/lib/authz";
import { isAppError } from "@/lib/errors";
import { getTemplate } from "@/lib/templates/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { EditTemplateForm } from "./edit-template-form";

export const metadata: Metadata = { title: "Edit template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ clinicId: string; templateId: string }> }) {
  const { clinicId, templateId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const template = await getTemplate(ctx, templateId).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  if (template.createdById !== ctx.user.id && !isManager(ctx.role)) notFound();
  return (
    <>
      <PageHeader title={`Edit “${template.name}”`} description="To change the sections, start a handout from the template and save it again as a new template." />
      <Card className="max-w-2xl">
        <EditTemplateForm clinicId={clinicId} template={{ id: template.id, name: template.name, notes: template.notes, largePrint: template.largePrint }} />
      </Card>
    </>
  );
}
