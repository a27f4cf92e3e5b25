import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";
import type { Role } from "@/lib/generated/prisma/client";

/** The signed-in user as a request sees it (lib/authz.ts reads it from the session). */
export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  credentials: string | null;
  directPhone: string | null;
  sessionId: string;
  // The clinic whose single sign-on made this session: the only clinic it opens (lib/sso/README.md).
  ssoClinicId?: string | null;
};

/**
 * Who is acting, in which clinic, with which role, from where: checked once per request (by a page or by
 * the action wrapper in lib/actions.ts, through lib/authz.ts) and handed to domain functions, which trust it.
 */
export type MemberContext = {
  user: CurrentUser;
  role: Role;
  clinic: { id: string; name: string };
  info: RequestInfo;
};

export const MANAGERS: readonly Role[] = ["OWNER", "ADMIN"];
export const isManager = (role: Role) => MANAGERS.includes(role);

/** The role rule of a domain operation, checked against the caller's context (no second database read). */
export function requireRole(
  ctx: { role: Role },
  roles: readonly Role[],
  message = "You do not have permission to do that.",
): void {
  if (!roles.includes(ctx.role)) throw new AppError("FORBIDDEN", message);
}
