import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";

export const MANAGERS: readonly Role[] = ["OWNER", "ADMIN"];
export const isManager = (role: Role) => MANAGERS.includes(role);

/** The role rule of a domain operation, checked against the caller's context (no second database read). */
export function requireRole(ctx: { role: Role }, roles: readonly Role[], message = "You do not have permission to do that."): void {
  if (!roles.includes(ctx.role)) throw new AppError("FORBIDDEN", message);
}
