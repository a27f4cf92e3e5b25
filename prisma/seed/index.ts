// Demo data for development: the two fictional clinics and their logins (printed by the start banner) and
// the shared library. Run by `npm start` only on the embedded development database, or when DEMO_DATA=1 is
// set on purpose; never by a production start. Idempotent: never overwrites what people changed.
import { createDbClient } from "@/lib/db-client";
import { hashPassword } from "@/lib/accounts/passwords";
import { DEMO_CLINICS, DEMO_USERS } from "./demo";
import { seedLibraryGuides } from "./guides";
import { seedDemoTemplates } from "./templates";

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  const db = createDbClient(process.env.DATABASE_URL, 2);
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
    await seedDemoTemplates(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
