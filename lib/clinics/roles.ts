import type { Role } from "@/lib/generated/prisma/client";

export const MANAGERS: readonly Role[] = ["OWNER", "ADMIN"];
export const isManager = (role: Role) => MANAGERS.includes(role);
