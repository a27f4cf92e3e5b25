"use client";

import { useEffect } from "react";
import { clearBackup } from "@/components/handouts/draft-backup";

/** After Generate: the form this tab kept while saving (draft-backup.ts) is now a handout; nothing stays. */
export function ClearBuilderBackup({ clinicId }: { clinicId: string }) {
  useEffect(() => clearBackup(clinicId), [clinicId]);
  return null;
}
