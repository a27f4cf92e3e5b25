"use server";

import { revalidatePath } from "next/cache";
import { clinicAction } from "@/lib/actions";
import { MANAGERS } from "@/lib/member-context";
import { markGuideReviewed } from "@/lib/guides/library/review-dates";
import { copyLibraryGuide } from "@/lib/guides/editor/copies";
import { redirect } from "next/navigation";
import { guideRefSchema } from "@/lib/guides/editor/draft-schemas";
import type { FormState } from "@/lib/forms";

export const markGuideReviewedAction = clinicAction(
  { roles: MANAGERS, schema: guideRefSchema },
  async (ctx, { guideId }): Promise<FormState> => {
    await markGuideReviewed(ctx, guideId);
    revalidatePath(`/clinics/${ctx.clinic.id}/guides/${guideId}`);
    return { ok: true, message: "Marked as reviewed today." };
  },
);

export const copyLibraryGuideAction = clinicAction(
  { roles: MANAGERS, schema: guideRefSchema },
  async (ctx, { guideId }) => {
    const copy = await copyLibraryGuide(ctx, guideId);
    redirect(`/clinics/${ctx.clinic.id}/guides/${copy.guideId}`);
  },
);
