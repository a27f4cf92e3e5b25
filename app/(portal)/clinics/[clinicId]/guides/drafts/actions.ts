"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { MANAGERS } from "@/lib/member-context";
import { idSchema } from "@/lib/ids";
import {
  addDraftImage,
  createGuideDraft,
  discardGuideDraft,
  openGuideDraft,
  publishGuideDraft,
  saveGuideDraft,
  type SaveResult,
} from "@/lib/guides/editor/drafts";
import { draftRefSchema, guideRefSchema, saveDraftSchema } from "@/lib/guides/editor/draft-schemas";
import { GUIDE_IMAGE_MAX_BYTES } from "@/lib/guides/image-limits";
import type { FormState } from "@/lib/forms";

// The guide editor's actions: OWNER/ADMIN only (checked by the wrapper, and again by each domain function).
const editor = { roles: MANAGERS };
const draftPath = (clinicId: string, draftId: string) => `/clinics/${clinicId}/guides/drafts/${draftId}`;

export const createGuideDraftAction = clinicAction({ ...editor, schema: z.object({}) }, async (ctx) => {
  const { id } = await createGuideDraft(ctx);
  redirect(draftPath(ctx.clinic.id, id));
});

export const editGuideAction = clinicAction({ ...editor, schema: guideRefSchema }, async (ctx, { guideId }) => {
  const { id } = await openGuideDraft(ctx, guideId);
  redirect(draftPath(ctx.clinic.id, id));
});

export const saveGuideDraftAction = clinicAction(
  { ...editor, schema: saveDraftSchema },
  async (ctx, input): Promise<FormState<SaveResult>> => {
    const result = await saveGuideDraft(ctx, input);
    return { ok: true, data: result, message: "Draft saved." };
  },
);

export const publishGuideDraftAction = clinicAction({ ...editor, schema: draftRefSchema }, async (ctx, input) => {
  const { guideId, unchanged } = await publishGuideDraft(ctx, input);
  redirect(`/clinics/${ctx.clinic.id}/guides/${guideId}?published=${unchanged ? "unchanged" : "version"}`);
});

export const discardGuideDraftAction = clinicAction(
  { ...editor, schema: z.object({ draftId: idSchema }) },
  async (ctx, { draftId }) => {
    const { guideId } = await discardGuideDraft(ctx, draftId);
    redirect(guideId ? `/clinics/${ctx.clinic.id}/guides/${guideId}` : `/clinics/${ctx.clinic.id}/guides`);
  },
);

const uploadSchema = z.object({
  draftId: idSchema,
  file: z
    .instanceof(File, { message: "Choose a picture." })
    .refine((f) => f.size > 0, "Choose a picture.")
    .refine((f) => f.size <= GUIDE_IMAGE_MAX_BYTES, { message: "The picture is larger than 5 MB." }),
});

export type UploadedImage = { id: string; width: number; height: number };

export const uploadGuideImageAction = clinicAction(
  { ...editor, schema: uploadSchema },
  async (ctx, { draftId, file }): Promise<FormState<UploadedImage>> => {
    const image = await addDraftImage(ctx, draftId, Buffer.from(await file.arrayBuffer()), {
      name: file.name,
      type: file.type,
    });
    return { ok: true, data: image, message: `Added ${file.name}.` };
  },
);
