import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireMemberPage } from "@/lib/authz";
import { MANAGERS } from "@/lib/member-context";
import { isAppError } from "@/lib/errors";
import { getGuideDraft } from "@/lib/guides/editor/drafts";
import { PageHeader } from "@/components/ui/card";
import { GuideEditor } from "./_components/guide-editor";

export const metadata: Metadata = { title: "Edit guide" };

export default async function GuideDraftPage({ params }: { params: Promise<{ clinicId: string; draftId: string }> }) {
  const { clinicId, draftId } = await params;
  const ctx = await requireMemberPage(clinicId, { role: MANAGERS });
  const draft = await getGuideDraft(ctx, draftId).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const next = draft.latestVersion + 1;
  return (
    <>
      <PageHeader
        title={draft.content.title || "New guide"}
        description={`Draft of ${draft.guideId ? `version ${next}` : "a new guide"}. Readers and handouts keep using the published version until you publish.`}
      />
      <GuideEditor
        clinicId={clinicId}
        draftId={draft.id}
        initialRevision={draft.revision}
        initialContent={draft.content}
        images={draft.images}
        nextVersion={draft.guideId ? next : 1}
      />
    </>
  );
}
