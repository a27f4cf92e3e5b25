import "server-only";
import { db } from "@/lib/db";
import type { MemberContext } from "@/lib/member-context";

/** A handout's deliveries, newest first, with the masked address only. */
export async function findDeliveries(ctx: MemberContext, handoutId: string) {
  return db.delivery.findMany({
    where: { clinicId: ctx.clinic.id, handoutId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      mode: true,
      recipientMask: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
      updatedAt: true,
      erasedAt: true,
      nextAttemptAt: true,
    },
  });
}
