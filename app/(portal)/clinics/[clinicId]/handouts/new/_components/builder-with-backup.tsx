"use client";

import { useEffect, useState } from "react";
import type { BuilderStart } from "@/lib/handout-drafts/builder-data";
import { HandoutBuilder } from "./handout-builder";
import { readBackup } from "@/components/handouts/draft-backup";

/**
 * The builder, started from what this tab kept of the form when the server did not have it yet (the session
 * had ended, the connection dropped): read once on mount, since the server cannot see the browser's storage.
 */
export function BuilderWithBackup({ clinicId, start }: { clinicId: string; start: BuilderStart }) {
  const [restored, setRestored] = useState<BuilderStart | null>(null);
  useEffect(() => {
    const backup = readBackup(clinicId, start.initial.draftId);
    const variant = backup && start.variants.find((v) => v.versionId === backup.state.guideVersionId);
    if (!backup || !variant) return;
    const s = backup.state;
    // Restoring is a one-off on mount: the page was just opened at the address the backup names.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRestored({
      ...start,
      initial: {
        ...start.initial,
        guideVersionId: s.guideVersionId,
        title: s.title,
        sectionKeys: s.order.filter((o) => o.picked).map((o) => o.key),
        order: s.order,
        notes: s.notes,
        preparedFor: s.preparedFor,
        followUpDate: s.followUpDate,
        largePrint: s.largePrint,
        patientLink: s.patientLink ?? start.initial.patientLink,
        contact: { ...start.initial.contact, ...s.contact },
        draftId: backup.draftId ?? start.initial.draftId,
      },
    });
  }, [clinicId, start]);
  return restored ? (
    <HandoutBuilder key="restored" clinicId={clinicId} start={restored} restored />
  ) : (
    <HandoutBuilder clinicId={clinicId} start={start} />
  );
}
