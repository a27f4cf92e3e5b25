// `npm run admin:create -- --email <address> --clinic "<clinic name>" [--name "<your name>"]`: the way into a
// new production database (which never gets demo accounts): creates a clinic and its OWNER. The password is
// asked on the terminal without echo (twice), or read from the first line of stdin when stdin is not a
// terminal (`printf '%s\n' "$PASSWORD" | npm run admin:create -- …`); never from the command line, where
// it would end up in shell history and the process list. An existing account becomes the new clinic's
// owner without a password prompt.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDbClient } from "@/lib/db-client";
import { emailSchema, nameSchema } from "@/lib/accounts/schemas";
import { passwordSchema } from "@/lib/accounts/password-policy";
import { hashPassword } from "@/lib/accounts/passwords";
import { cliDatabaseUrl } from "@/lib/env";
import { recordAudit } from "@/lib/audit/mutations";
import { reachDatabase } from "@/lib/cli/database.mjs";

const USAGE = 'usage: npm run admin:create -- --email <address> --clinic "<clinic name>" [--name "<your name>"]';

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === "\r" || c === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          return resolve(value);
        }
        if (c === "\u0003") {
          stdin.setRawMode(false);
          process.stdout.write("\n");
          return reject(new Error("cancelled"));
        }
        if (c === "\u007f" || c === "\b") value = value.slice(0, -1);
        else if (c >= " ") value += c;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await readHidden("Password for the new account (at least 12 characters): ");
    const check = passwordSchema.safeParse(first);
    if (!check.success) throw new Error(check.error.issues[0]!.message);
    if ((await readHidden("Type it again: ")) !== first) throw new Error("The passwords do not match.");
    return first;
  }
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const password = input.split(/\r?\n/)[0] ?? "";
  const check = passwordSchema.safeParse(password);
  if (!check.success) throw new Error(`The password on stdin was refused: ${check.error.issues[0]!.message}`);
  return password;
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      clinic: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
    },
    strict: true,
  });
  if (values.password !== undefined)
    throw new Error(
      "Passwords are never taken from the command line: leave out --password and type it when asked, or pipe it on stdin.",
    );
  const args = z
    .object({
      email: emailSchema,
      clinic: z.string().trim().min(1, "--clinic is empty").max(120),
      name: nameSchema.optional(),
    })
    .safeParse(values);
  if (!args.success)
    throw new Error(
      `${args.error.issues.map((i) => `${i.path.join(".") || "arguments"}: ${i.message}`).join("; ")}\n${USAGE}`,
    );
  const databaseUrl = cliDatabaseUrl();
  await reachDatabase(databaseUrl);
  const { email, clinic: clinicName } = args.data;

  const db = createDbClient(databaseUrl, 2);
  try {
    const existing = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
    const passwordHash = existing ? null : await hashPassword(await readPassword());
    const result = await db.$transaction(async (tx) => {
      const user =
        existing ??
        (await tx.user.create({
          data: { email, name: args.data.name ?? email.split("@")[0]!, passwordHash: passwordHash! },
          select: { id: true, name: true },
        }));
      const clinic = await tx.clinic.create({ data: { name: clinicName }, select: { id: true, name: true } });
      await tx.membership.create({ data: { userId: user.id, clinicId: clinic.id, role: "OWNER" } });
      await recordAudit(
        {
          action: "clinic.created",
          clinicId: clinic.id,
          actorId: user.id,
          targetType: "clinic",
          targetId: clinic.id,
          userAgent: "admin:create",
        },
        tx,
      );
      return { user, clinic };
    });
    console.log(
      `Created the clinic "${result.clinic.name}" (${result.clinic.id}) with ${email} as its owner${existing ? " (existing account)" : ""}.`,
    );
    console.log("Sign in, then invite your colleagues from Members.");
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
