import crypto from "node:crypto";
import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db-client";
import { createClinicWithMembers, createHandoutRecord } from "@/prisma/seed/factories";

// What a patient was given cannot be rewritten with the credentials the app runs with: a database set up as
// the README's "Database roles" says (a migration role owning it, an app role with the grants it lists),
// migrated by `npm run db:migrate` as the migration role, in a database of its own in the throwaway cluster
// (the test connection is its superuser). Unique names, so other test files run beside it.

const superuserUrl = () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through lib/dev/with-db.mjs --throwaway");
  return url;
};
const suffix = crypto.randomBytes(4).toString("hex");
const migrator = { name: `portal_migrator_${suffix}`, password: `migrator-${suffix}` };
const app = { name: `portal_app_${suffix}`, password: `app-${suffix}` };
const database = `portal_roles_${suffix}`;
const urlFor = (user?: { name: string; password: string }) => {
  const u = new URL(superuserUrl());
  u.pathname = `/${database}`;
  if (user) {
    u.username = user.name;
    u.password = user.password;
  }
  return u.toString();
};

async function sql(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** `npm run db:migrate` as the migration role; resolves with its output once it exits 0. */
function dbMigrate(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["lib/cli/db-migrate.mjs"], {
      env: { ...process.env, DATABASE_URL: urlFor(migrator) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`db:migrate exited ${code}:\n${out}`))));
  });
}

const appDb = () => createDbClient(urlFor(app), 2);
let ids: {
  clinicId: string;
  ownerId: string;
  versionId: string;
  handoutId: string;
  live: string;
  withdrawn: string;
  expired: string;
  picture: string;
};

beforeAll(async () => {
  // The README's statements, as the superuser and then as the migration role.
  for (const statement of [
    `CREATE ROLE ${migrator.name} LOGIN PASSWORD '${migrator.password}'`,
    `CREATE ROLE ${app.name} LOGIN PASSWORD '${app.password}'`,
    `CREATE DATABASE ${database} OWNER ${migrator.name}`,
  ])
    await sql(superuserUrl(), statement);
  for (const statement of [
    `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${app.name}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${migrator.name} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app.name}`,
  ])
    await sql(urlFor(migrator), statement);
  expect(await dbMigrate()).toContain("every handout is sealed");
  await sql(urlFor(migrator), `REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${app.name}`);

  // As the app: a clinic with handouts as the portal stores them (the factories' rows, sealed below by
  // db:migrate), a reference, a logo version, a published picture, and three patient links.
  const db = appDb();
  try {
    const c = await createClinicWithMembers(db);
    const pdf = Buffer.from("%PDF-1.4 permanent record test");
    const [h1, h2, h3] = [
      await createHandoutRecord(db, c.clinic.id, c.owner.id, pdf),
      await createHandoutRecord(db, c.clinic.id, c.owner.id, pdf),
      await createHandoutRecord(db, c.clinic.id, c.owner.id, pdf),
    ];
    const handout = await db.handout.findUniqueOrThrow({
      where: { id: h1.id },
      select: { guideVersionId: true, guideVersion: { select: { guideId: true } } },
    });
    await db.guideReference.create({
      data: { versionId: handout.guideVersionId, key: "smith-2021", text: "Smith, J. (2021). Back pain.", position: 0 },
    });
    await db.logoVersion.create({
      data: { clinicId: c.clinic.id, sha256: "a".repeat(64), bytes: new Uint8Array([1, 2, 3]) },
    });
    const picture = await db.guideImage.create({
      data: {
        clinicId: c.clinic.id,
        guideId: handout.guideVersion.guideId,
        format: "png",
        width: 1,
        height: 1,
        sha256: "b".repeat(64),
        data: new Uint8Array([4, 5, 6]),
      },
    });
    const day = 86_400_000;
    const link = (handoutId: string, expiresAt: Date, revokedAt: Date | null = null) =>
      db.patientLink.create({
        data: {
          clinicId: c.clinic.id,
          handoutId,
          seed: crypto.randomUUID(),
          tokenHash: crypto.randomUUID(),
          expiresAt,
          revokedAt,
          revokedById: revokedAt ? c.owner.id : null,
        },
      });
    const [live, withdrawn, expired] = [
      await link(h1.id, new Date(Date.now() + 90 * day)),
      await link(h2.id, new Date(Date.now() + 90 * day), new Date()),
      await link(h3.id, new Date(Date.now() - day)),
    ];
    ids = {
      clinicId: c.clinic.id,
      ownerId: c.owner.id,
      versionId: handout.guideVersionId,
      handoutId: h1.id,
      live: live.id,
      withdrawn: withdrawn.id,
      expired: expired.id,
      picture: picture.id,
    };
  } finally {
    await db.$disconnect();
  }
  // A handout made before seals existed gets its seal from the migration step.
  expect(await dbMigrate()).toMatch(/sealed 3 handouts made before handouts were sealed/);
}, 120_000);

afterAll(async () => {
  await sql(superuserUrl(), `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  for (const role of [app.name, migrator.name]) await sql(superuserUrl(), `DROP ROLE IF EXISTS ${role}`);
});

/** Every column of `table` that an UPDATE may name (generated ones cannot be). */
async function columns(table: string): Promise<string[]> {
  const { rows } = await sql(
    urlFor(migrator),
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r: { column_name: string }) => r.column_name);
}

describe("the record of what a patient was given, as the README's app role", () => {
  it("cannot delete or change the guide version a handout printed, its sections, references and pictures, the logos, or the seal", async () => {
    const asApp = urlFor(app);
    const rows: [table: string, where: string, value: string][] = [
      ["GuideVersion", `"id" = $1`, ids.versionId],
      ["Section", `"versionId" = $1`, ids.versionId],
      ["GuideReference", `"versionId" = $1`, ids.versionId],
      ["LogoVersion", `"clinicId" = $1`, ids.clinicId],
      ["GuideImage", `"id" = $1`, ids.picture],
      ["HandoutSeal", `"handoutId" = $1`, ids.handoutId],
    ];
    for (const [table, where, value] of rows) {
      // The statements match rows (so row triggers fire), and are refused.
      expect(
        (await sql(urlFor(migrator), `SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, [value])).rows[0].n,
        table,
      ).toBeGreaterThan(0);
      await expect(
        sql(asApp, `DELETE FROM "${table}" WHERE ${where}`, [value]),
        `DELETE FROM ${table}`,
      ).rejects.toThrow(/permanent record: DELETE is not allowed/);
      for (const column of await columns(table)) {
        await expect(
          sql(asApp, `UPDATE "${table}" SET "${column}" = "${column}" WHERE ${where}`, [value]),
          `UPDATE ${table}.${column}`,
        ).rejects.toThrow(/immutable|permanent record/);
      }
    }
    // The statements, word for word, on the whole tables.
    for (const statement of [`DELETE FROM "Section"`, `DELETE FROM "GuideReference"`])
      await expect(sql(asApp, statement), statement).rejects.toThrow(/permanent record/);
    for (const table of ["Section", "GuideReference", "GuideImage", "HandoutSeal"])
      await expect(sql(asApp, `TRUNCATE "${table}"`), `TRUNCATE ${table}`).rejects.toThrow(/permission denied/);
    // Everything is still there.
    const left = await sql(
      urlFor(migrator),
      `SELECT (SELECT count(*) FROM "Section" WHERE "versionId" = $1)::int AS sections, (SELECT count(*) FROM "GuideReference" WHERE "versionId" = $1)::int AS refs`,
      [ids.versionId],
    );
    expect(left.rows[0]).toEqual({ sections: 1, refs: 1 });
  }, 60_000);

  it("cannot re-open a withdrawn or expired patient link, nor move what a link opens, nor delete one; it can still count openings, extend a live link and withdraw it", async () => {
    const asApp = urlFor(app);
    const refusals: [string, string, RegExp][] = [
      [
        `UPDATE "PatientLink" SET "revokedAt" = NULL WHERE "id" = $1`,
        ids.withdrawn,
        /a withdrawn link stays withdrawn/,
      ],
      [
        `UPDATE "PatientLink" SET "revokedAt" = NULL, "revokedById" = NULL WHERE "id" = $1`,
        ids.withdrawn,
        /a withdrawn link stays withdrawn/,
      ],
      [
        `UPDATE "PatientLink" SET "revokedAt" = "revokedAt" + interval '1 day' WHERE "id" = $1`,
        ids.withdrawn,
        /a withdrawn link stays withdrawn/,
      ],
      [
        `UPDATE "PatientLink" SET "expiresAt" = "expiresAt" + interval '30 days' WHERE "id" = $1`,
        ids.withdrawn,
        /cannot be extended/,
      ],
      [
        `UPDATE "PatientLink" SET "expiresAt" = (now() AT TIME ZONE 'UTC') + interval '30 days' WHERE "id" = $1`,
        ids.expired,
        /cannot be extended/,
      ],
      [`UPDATE "PatientLink" SET "seed" = "seed" || 'x' WHERE "id" = $1`, ids.live, /permanent record/],
      [`UPDATE "PatientLink" SET "tokenHash" = "tokenHash" || 'x' WHERE "id" = $1`, ids.live, /permanent record/],
      [
        `UPDATE "PatientLink" SET "handoutId" = (SELECT "handoutId" FROM "PatientLink" WHERE "id" <> $1 LIMIT 1) WHERE "id" = $1`,
        ids.live,
        /permanent record|duplicate key/,
      ],
      [`UPDATE "PatientLink" SET "clinicId" = 'another-clinic' WHERE "id" = $1`, ids.live, /permanent record/],
      [
        `UPDATE "PatientLink" SET "createdAt" = "createdAt" - interval '1 day' WHERE "id" = $1`,
        ids.live,
        /permanent record/,
      ],
      [`UPDATE "PatientLink" SET "revokedById" = 'someone' WHERE "id" = $1`, ids.live, /set only by withdrawing/],
      [`DELETE FROM "PatientLink" WHERE "id" = $1`, ids.withdrawn, /permanent record: DELETE is not allowed/],
    ];
    for (const [statement, id, refusal] of refusals)
      await expect(sql(asApp, statement, [id]), statement).rejects.toThrow(refusal);
    await expect(sql(asApp, `TRUNCATE "PatientLink"`)).rejects.toThrow(/permission denied/);

    // What the portal does to links keeps working: counting an opening, extending a live link (a planned
    // feature), shortening one, withdrawing it. Withdrawn, it stays so.
    const ok = async (statement: string, values: unknown[]) =>
      expect((await sql(asApp, statement, values)).rowCount, statement).toBe(1);
    await ok(
      `UPDATE "PatientLink" SET "openCount" = "openCount" + 1, "firstOpenedAt" = COALESCE("firstOpenedAt", now()), "lastOpenedAt" = now(), "lastOpenAuditAt" = now() WHERE "id" = $1`,
      [ids.live],
    );
    await ok(`UPDATE "PatientLink" SET "expiresAt" = "expiresAt" + interval '30 days' WHERE "id" = $1`, [ids.live]);
    await ok(`UPDATE "PatientLink" SET "expiresAt" = "expiresAt" - interval '1 day' WHERE "id" = $1`, [ids.expired]);
    await ok(`UPDATE "PatientLink" SET "revokedAt" = (now() AT TIME ZONE 'UTC'), "revokedById" = $2 WHERE "id" = $1`, [
      ids.live,
      ids.ownerId,
    ]);
    await expect(sql(asApp, `UPDATE "PatientLink" SET "revokedAt" = NULL WHERE "id" = $1`, [ids.live])).rejects.toThrow(
      /a withdrawn link stays withdrawn/,
    );
    const links = await sql(
      urlFor(migrator),
      `SELECT "id", "revokedAt" IS NOT NULL AS withdrawn, "expiresAt" > (now() AT TIME ZONE 'UTC') AS unexpired FROM "PatientLink" WHERE "clinicId" = $1`,
      [ids.clinicId],
    );
    expect(
      Object.fromEntries(
        links.rows.map((r: { id: string; withdrawn: boolean; unexpired: boolean }) => [
          r.id,
          [r.withdrawn, r.unexpired],
        ]),
      ),
    ).toEqual({
      [ids.live]: [true, true],
      [ids.withdrawn]: [true, true],
      [ids.expired]: [false, false],
    });
  }, 60_000);

  it("can still delete a draft's own pictures and hand the used ones to the guide when it is published, and nothing else", async () => {
    const asApp = urlFor(app);
    const guide = await sql(urlFor(migrator), `SELECT "guideId" FROM "GuideVersion" WHERE "id" = $1`, [ids.versionId]);
    const guideId: string = guide.rows[0].guideId;
    const draftId = `draft-${suffix}`;
    await sql(
      asApp,
      `INSERT INTO "GuideDraft" ("id", "clinicId", "guideId", "content", "updatedById", "updatedAt") VALUES ($1, $2, $3, '{}', $4, now())`,
      [draftId, ids.clinicId, guideId, ids.ownerId],
    );
    const upload = (id: string) =>
      sql(
        asApp,
        `INSERT INTO "GuideImage" ("id", "clinicId", "draftId", "format", "width", "height", "sha256", "data") VALUES ($1, $2, $3, 'png', 1, 1, $4, '\\x00')`,
        [id, ids.clinicId, draftId, "c".repeat(64)],
      );
    await upload(`used-${suffix}`);
    await upload(`unused-${suffix}`);
    // A draft picture may change only by being handed to a guide of its own clinic.
    await expect(sql(asApp, `UPDATE "GuideImage" SET "width" = 2 WHERE "id" = $1`, [`used-${suffix}`])).rejects.toThrow(
      /can only be handed to a guide of its clinic/,
    );
    await expect(
      sql(asApp, `UPDATE "GuideImage" SET "draftId" = NULL, "guideId" = $2, "sha256" = $3 WHERE "id" = $1`, [
        `used-${suffix}`,
        guideId,
        "d".repeat(64),
      ]),
    ).rejects.toThrow(/can only be handed/);
    // Publishing (lib/guides/editor/drafts.ts): the used picture goes to the guide, then the draft goes with its others.
    expect(
      (
        await sql(
          asApp,
          `UPDATE "GuideImage" SET "draftId" = NULL, "guideId" = $2 WHERE "id" = $1 AND "draftId" = $3`,
          [`used-${suffix}`, guideId, draftId],
        )
      ).rowCount,
    ).toBe(1);
    expect((await sql(asApp, `DELETE FROM "GuideDraft" WHERE "id" = $1`, [draftId])).rowCount).toBe(1);
    const left = await sql(
      urlFor(migrator),
      `SELECT "id", "draftId", "guideId" FROM "GuideImage" WHERE "id" = ANY($1)`,
      [[`used-${suffix}`, `unused-${suffix}`]],
    );
    expect(left.rows).toEqual([{ id: `used-${suffix}`, draftId: null, guideId }]);
    // Published now: permanent like the others.
    await expect(sql(asApp, `DELETE FROM "GuideImage" WHERE "id" = $1`, [`used-${suffix}`])).rejects.toThrow(
      /permanent record/,
    );
  }, 60_000);

  it("holds for the migration role's DML as well: only disabling a trigger, which the app role cannot, gets past it", async () => {
    const asMigrator = urlFor(migrator);
    for (const [statement, refusal] of [
      [`DELETE FROM "Section"`, /permanent record/],
      [`DELETE FROM "GuideVersion"`, /permanent record/],
      [`UPDATE "PatientLink" SET "revokedAt" = NULL`, /a withdrawn link stays withdrawn/],
      [`TRUNCATE "Section"`, /permanent record/],
      [`TRUNCATE "GuideVersion" CASCADE`, /permanent record/],
      [`TRUNCATE "LogoVersion"`, /permanent record/],
      [`TRUNCATE "GuideImage"`, /permanent record/],
      [`TRUNCATE "HandoutSeal"`, /permanent record/],
      [`TRUNCATE "PatientLink"`, /permanent record/],
      [`TRUNCATE "HandoutVoid"`, /permanent record/],
    ] as const)
      await expect(sql(asMigrator, statement), statement).rejects.toThrow(refusal);
    for (const table of [
      "Section",
      "GuideReference",
      "GuideVersion",
      "LogoVersion",
      "GuideImage",
      "HandoutSeal",
      "PatientLink",
    ]) {
      await expect(sql(urlFor(app), `ALTER TABLE "${table}" DISABLE TRIGGER ALL`), table).rejects.toThrow(
        /must be owner/,
      );
    }
  }, 60_000);
});
