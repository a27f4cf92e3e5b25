// Demo data for development: the two fictional clinics and their logins (printed by the start banner) and
// the shared library. Loaded by the start when DEMO_DATA=1: always on the development stack's embedded
// database, on a real one only when set on purpose. Idempotent: never overwrites what people changed.
import { createDbClient } from "@/lib/db-client";
import { cliDatabaseUrl } from "@/lib/env";
import { hashPassword } from "@/lib/accounts/passwords";
import { DEMO_CLINICS, DEMO_USERS } from "./demo";
import { seedLibraryGuides } from "./guides";
import { seedDemoTemplates } from "./templates";

async function main() {
  const db = createDbClient(cliDatabaseUrl(), 2);
  try {
    for (const clinic of DEMO_CLINICS) {
      await db.clinic.upsert({ where: { id: clinic.id }, create: { ...clinic }, update: {} });
    }
    for (const u of DEMO_USERS) {
      const existing = await db.user.findUnique({ where: { email: u.email } });
      const user =
        existing ??
        (await db.user.create({
          data: {
            email: u.email,
            name: u.name,
            credentials: u.credentials,
            passwordHash: await hashPassword(u.password),
          },
        }));
      for (const { clinicId, role } of u.memberships) {
        await db.membership.upsert({
          where: { userId_clinicId: { userId: user.id, clinicId } },
          create: { userId: user.id, clinicId, role },
          update: {},
        });
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
