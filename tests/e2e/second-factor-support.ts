import crypto from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { generate } from "otplib";
import { expect, type Page } from "@playwright/test";

// Helpers of the second-factor specs: each test makes its own clinic and people, so turning on a clinic's
// requirement never changes what the other specs' demo logins meet.

export async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

export type Person = { id: string; email: string; name: string; password: string; membershipId: string };

/** A clinic with an owner and a clinician (argon2id like lib/accounts/passwords.ts). */
export async function makeClinic(label: string) {
  const tag = crypto.randomBytes(4).toString("hex");
  const clinic = { id: `e2e-${tag}`, name: `${label} ${tag}` };
  await sql(`INSERT INTO "Clinic" (id, name, "updatedAt") VALUES ($1, $2, now())`, [clinic.id, clinic.name]);
  const person = async (role: "OWNER" | "CLINICIAN", name: string): Promise<Person> => {
    const p = {
      id: `u-${role.toLowerCase()}-${tag}`,
      email: `${role.toLowerCase()}-${tag}@second-factor.example`,
      name: `${name} ${tag}`,
      password: `pass-${tag}-words-here`,
      membershipId: `m-${role.toLowerCase()}-${tag}`,
    };
    const passwordHash = await hash(p.password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await sql(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      p.id,
      p.email,
      p.name,
      passwordHash,
    ]);
    await sql(`INSERT INTO "Membership" (id, "userId", "clinicId", role) VALUES ($1, $2, $3, $4)`, [
      p.membershipId,
      p.id,
      clinic.id,
      role,
    ]);
    return p;
  };
  return {
    clinic,
    owner: await person("OWNER", "Olive Owner"),
    clinician: await person("CLINICIAN", "Cleo Clinician"),
  };
}

export const codeAt = (secret: string, offsetMs = 0) =>
  generate({ secret, epoch: Math.floor((Date.now() + offsetMs) / 1000) });

/** Types email and password; the page that follows is the second step, the set-up step or the portal. */
export async function passwordStep(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login$/);
}

/**
 * On an enrolment page: reads the key the page shows, types the code computed from it, returns the key, that
 * code (spent by the set-up) and the recovery codes shown.
 */
export async function confirmEnrolment(page: Page) {
  const secret = ((await page.locator("#totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const used = await codeAt(secret);
  await page.getByLabel("6-digit code").fill(used);
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const codes = await page.locator("#recovery-codes li").allTextContents();
  expect(codes).toHaveLength(10);
  return { secret, used, codes };
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}
