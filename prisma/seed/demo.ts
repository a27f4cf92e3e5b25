// The fictional demo clinics and their logins (data in demo.json, which the start banner reads too).
import demo from "./demo.json";
import type { Role } from "@/lib/generated/prisma/client";

export const DEMO_CLINICS = demo.clinics;
export const DEMO_USERS = demo.users as (Omit<(typeof demo.users)[number], "memberships"> & {
  memberships: { clinicId: string; role: Role }[];
})[];
