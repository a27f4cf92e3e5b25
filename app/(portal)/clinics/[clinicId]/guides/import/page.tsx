import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/authz";
import { MANAGERS } from "@/lib/member-context";
import { PageHeader } from "@/components/ui/card";
import { ImportGuideForm } from "./_components/import-guide-form";
import { ImportZipForm } from "./_components/import-zip-form";

export const metadata: Metadata = { title: "Import a guide" };

export default async function ImportGuidePage({ params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  await requireMemberPage(clinicId, { role: MANAGERS });
  return (
    <>
      <PageHeader
        title="Import a guide"
        description="Upload a Markdown file or paste its text. You will see the sections before anything is saved."
      />
      <ImportGuideForm clinicId={clinicId} />
      <ImportZipForm clinicId={clinicId} />
    </>
  );
}
