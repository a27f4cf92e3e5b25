import "server-only";
import { db } from "@/lib/db";
import { getClinicBranding } from "@/lib/clinics/branding";
import type { ContactBlock } from "@/lib/handouts/schemas";
import type { MemberContext } from "@/lib/member-context";

/** The contact block a new handout starts with: the clinic's details and the clinician's own. */
export async function contactDefaults(ctx: MemberContext): Promise<ContactBlock> {
  const [clinic, user] = await Promise.all([
    getClinicBranding(ctx.clinic.id),
    db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { name: true, credentials: true, directPhone: true },
    }),
  ]);
  return {
    clinicName: clinic.name,
    phone: clinic.phone ?? "",
    email: clinic.email ?? "",
    address: clinic.address ?? "",
    website: clinic.website ?? "",
    hours: clinic.hours ?? "",
    clinicianName: user.name,
    credentials: user.credentials ?? "",
    directPhone: user.directPhone ?? "",
  };
}
