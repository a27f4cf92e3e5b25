import "server-only";
import { db } from "@/lib/db";
import { suggestAddress } from "@/lib/deliveries/address-typos";
import { recipientHash } from "@/lib/deliveries/recipient-hash";
import type { RecipientCheck } from "@/lib/deliveries/schemas";
import type { MemberContext } from "@/lib/member-context";

/**
 * What the clinician should look at before this email is queued, or null: an address that looks mistyped
 * (gmial.com, example.con), and an earlier email of the same handout to the same address that did not fail.
 * Neither refuses: the form asks, and once `confirmRecipient` is the address being sent to there is nothing
 * to ask. The form's own earlier submissions (same key) are not "earlier emails": a double click stays one.
 */
export async function checkRecipient(
  ctx: MemberContext,
  input: { recipient: string; idempotencyKey: string; confirmRecipient?: string; handoutId?: string },
): Promise<RecipientCheck | null> {
  if (input.confirmRecipient === input.recipient) return null;
  const clinicId = ctx.clinic.id;
  const suggestion = suggestAddress(input.recipient);
  const previous = input.handoutId
    ? await db.delivery.findFirst({
        where: {
          clinicId,
          handoutId: input.handoutId,
          status: { not: "FAILED" },
          idempotencyKey: { not: input.idempotencyKey },
          // Deliveries made before the hash was kept are compared by their address, until it is erased.
          OR: [
            { recipientHash: recipientHash(clinicId, input.recipient) },
            { recipientHash: null, recipient: input.recipient },
          ],
        },
        orderBy: { createdAt: "desc" },
        select: { status: true, createdAt: true, sentAt: true, recipientMask: true },
      })
    : null;
  if (!suggestion && !previous) return null;
  return {
    address: input.recipient,
    suggestion,
    previous: previous && {
      sent: previous.status === "SENT",
      at: (previous.sentAt ?? previous.createdAt).toISOString(),
      mask: previous.recipientMask,
    },
  };
}
