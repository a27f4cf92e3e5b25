// Idempotent seed: run on every `npm start`. Creates the demo clinics and users when missing and imports
// the shared library guides when their text changed; never overwrites what people changed in the portal.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/accounts/passwords";
import { env } from "@/lib/env";
import { DEMO_CLINICS, DEMO_USERS } from "./demo";
import { seedLibraryGuides } from "./guides";

async function main() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL }) });
  try {
    for (const clinic of DEMO_CLINICS) {
      await db.clinic.upsert({ where: { id: clinic.id }, create: { ...clinic }, update: {} });
    }
    for (const u of DEMO_USERS) {
      const existing = await db.user.findUnique({ where: { email: u.email } });
      const user =
        existing ??
        (await db.user.create({ data: { email: u.email, name: u.name, credentials: u.credentials, passwordHash: await hashPassword(u.password) } }));
      for (const { clinicId, role } of u.memberships) {
        await db.membership.upsert({ where: { userId_clinicId: { userId: user.id, clinicId } }, create: { userId: user.id, clinicId, role }, update: {} });
      }
    }
    await seedLibraryGuides(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
