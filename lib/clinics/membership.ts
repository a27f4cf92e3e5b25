import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";

/**
 * The membership of `userId` in `clinicId`, checked in the database. Not a member: NOT_FOUND (clinic ids
 * reveal nothing); a member without one of `role`: FORBIDDEN. Domain writes call this themselves, so they
 * are safe whichever action or route reaches them.
 */
export async function getMembership(
  userId: string,
  clinicId: string,
  opts: { role?: readonly Role[] } = {},
  tx: Tx = db,
) {
  const membership = await tx.membership.findUnique({
    where: { userId_clinicId: { userId, clinicId } },
    select: { id: true, role: true, clinic: { select: { id: true, name: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Not found.");
  if (opts.role && !opts.role.includes(membership.role)) {
    throw new AppError("FORBIDDEN", "You do not have permission to do that.");
  }
  return membership;
}

/** A member's clinics; `only`: the one clinic a single sign-on session opens. */
export async function findMemberships(userId: string, only?: string | null) {
  return db.membership.findMany({
    where: { userId, ...(only ? { clinicId: only } : {}) },
    select: { role: true, clinic: { select: { id: true, name: true } } },
    orderBy: { clinic: { name: "asc" } },
  });
}

/** Remembers the clinic a member opened, so the next sign-in goes straight there (one write when it changes). */
export async function rememberClinic(userId: string, clinicId: string): Promise<void> {
  // `NOT: { lastClinicId }` alone is SQL's NOT (x = y), which is never true while x is NULL: the first clinic a
  // member ever opened was never remembered, so sign-in kept landing on the chooser.
  await db.user.updateMany({
    where: { id: userId, OR: [{ lastClinicId: null }, { NOT: { lastClinicId: clinicId } }] },
    data: { lastClinicId: clinicId },
  });
}

/** The clinic to open for a member: the last one used, if they still belong to it. */
export async function lastClinicOf(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { lastClinicId: true } });
  if (!user?.lastClinicId) return null;
  const still = await db.membership.findUnique({
    where: { userId_clinicId: { userId, clinicId: user.lastClinicId } },
    select: { id: true },
  });
  return still ? user.lastClinicId : null;
}
