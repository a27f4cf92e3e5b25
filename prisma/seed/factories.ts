// Builders shared by the seed and the tests, so each test makes its own clinic and users on a real database.
import crypto from "node:crypto";
import { hashPassword } from "@/lib/accounts/passwords";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";

type Db = Pick<PrismaClient, "clinic" | "user" | "membership">;

const suffix = () => crypto.randomBytes(4).toString("hex");

export const DEFAULT_TEST_PASSWORD = "correct-horse-battery-9";

export async function createClinic(db: Db, data: { id?: string; name?: string; phone?: string; email?: string } = {}) {
  return db.clinic.create({ data: { ...data, name: data.name ?? `Test Clinic ${suffix()}` } });
}

export async function createUser(db: Db, data: { email?: string; name?: string; password?: string } = {}) {
  const password = data.password ?? DEFAULT_TEST_PASSWORD;
  const user = await db.user.create({
    data: {
      email: (data.email ?? `user-${suffix()}@test.example`).toLowerCase(),
      name: data.name ?? "Test User",
      passwordHash: await hashPassword(password),
    },
  });
  return { ...user, password };
}

export async function addMember(db: Db, userId: string, clinicId: string, role: Role) {
  return db.membership.create({ data: { userId, clinicId, role } });
}

/** A clinic with one member of each role. */
export async function createClinicWithMembers(db: Db, name?: string) {
  const clinic = await createClinic(db, { name });
  const [owner, admin, clinician] = await Promise.all([
    createUser(db, { name: "Olive Owner" }),
    createUser(db, { name: "Adam Admin" }),
    createUser(db, { name: "Cleo Clinician" }),
  ]);
  await addMember(db, owner.id, clinic.id, "OWNER");
  await addMember(db, admin.id, clinic.id, "ADMIN");
  await addMember(db, clinician.id, clinic.id, "CLINICIAN");
  return { clinic, owner, admin, clinician };
}

/** A minimal guide version (one content section) for tests that need something to hand out. */
export async function createGuideVersion(db: Pick<PrismaClient, "guide">, clinicId: string | null = null) {
  const guide = await db.guide.create({
    data: {
      clinicId,
      key: `test-guide-${suffix()}`,
      versions: {
        create: {
          version: 1,
          title: "Test Guide",
          grade: 6,
          words: 8,
          sections: {
            create: [
              {
                key: "basics",
                title: "Basics",
                position: 0,
                kind: "content",
                blocks: [{ type: "paragraph", children: [{ type: "text", text: "Rest and move gently every day." }] }],
                citedRefKeys: [],
                plainText: "Rest and move gently every day.",
                grade: 3,
                words: 6,
                contentHash: "test",
              },
            ],
          },
        },
      },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  return { guideId: guide.id, versionId: guide.versions[0]!.id };
}

/**
 * A stored handout with the given PDF bytes, as generation would leave it but for its seal: like a handout
 * made before seals existed, which `sealUnsealedHandouts` (lib/handouts/printed-record.ts) seals.
 */
export async function createHandoutRecord(
  db: Pick<PrismaClient, "guide" | "handout">,
  clinicId: string,
  authorId: string,
  pdf: Buffer,
  contact: Record<string, string> = {},
) {
  const { versionId } = await createGuideVersion(db, clinicId);
  return db.handout.create({
    data: {
      clinicId,
      authorId,
      guideVersionId: versionId,
      title: "Test handout",
      notes: "",
      sectionKeys: ["basics"],
      contact: {
        clinicName: "Test Clinic",
        phone: "(555) 010-0000",
        email: "",
        address: "",
        website: "",
        hours: "",
        clinicianName: "",
        credentials: "",
        directPhone: "",
        ...contact,
      },
      options: { largePrint: false, notesPosition: "TOP", pageSize: "LETTER" },
      branding: {},
      pdf: {
        create: {
          bytes: new Uint8Array(pdf),
          sha256: crypto.createHash("sha256").update(pdf).digest("hex"),
          size: pdf.length,
          pages: 1,
        },
      },
    },
    select: { id: true },
  });
}
