import "server-only";
import { db } from "@/lib/db";
import { getMembership } from "@/lib/clinics/membership";

/** A handout's deliveries, newest first, with the masked address only. */
export async function findDeliveries(userId: string, clinicId: string, handoutId: string) {
  await getMembership(userId, clinicId);
  return db.delivery.findMany({
    where: { clinicId, handoutId },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, recipientMask: true, attempts: true, lastError: true, sentAt: true, createdAt: true, updatedAt: true, erasedAt: true, nextAttemptAt: true },
  });
}
