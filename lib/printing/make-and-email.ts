import "server-only";
import { db } from "@/lib/db";
import { builderFromTemplate } from "@/lib/handout-drafts/builder-data";
import { createHandout } from "@/lib/printing/generate";
import { queueDelivery } from "@/lib/deliveries/mutations";
import { AppError } from "@/lib/errors";
import type { DeliveryMode } from "@/lib/deliveries/schemas";
import type { MemberContext } from "@/lib/member-context";

/**
 * "Make and email" on the clinic home: the template's handout, generated as the builder would start it, and
 * its email queued, in one transaction. The form's key makes it idempotent: a double click or a retried
 * request finds the handout and the delivery the first one made.
 */
export async function makeAndEmail(
  ctx: MemberContext,
  input: { templateId: string; recipient: string; requestKey: string; mode: DeliveryMode },
): Promise<{ handoutId: string; deliveryId: string }> {
  const start = await builderFromTemplate(ctx, input.templateId);
  // The handout gets a link when the template (or else the clinic's setting) says so; only then can the email
  // carry the link alone.
  if (input.mode === "LINK" && !start.initial.patientLink) {
    throw new AppError("BAD_REQUEST", "This template makes handouts without a patient link: attach the PDF instead.", {
      mode: ["This template makes handouts without a patient link."],
    });
  }
  let deliveryId = "";
  const delivery = {
    recipient: input.recipient,
    message: "",
    consent: "yes" as const,
    idempotencyKey: input.requestKey,
    mode: input.mode,
  };
  const handout = await createHandout(
    ctx,
    { ...start.initial, guideVersionId: start.guide.versionId, requestKey: input.requestKey },
    async (tx, created) => {
      deliveryId = (await queueDelivery(tx, ctx, { ...delivery, handoutId: created.id })).id;
    },
  );
  if (!handout.created) {
    deliveryId = (await db.$transaction((tx) => queueDelivery(tx, ctx, { ...delivery, handoutId: handout.id }))).id;
  }
  return { handoutId: handout.id, deliveryId };
}
