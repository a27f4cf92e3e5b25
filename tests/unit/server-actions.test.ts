import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isWrappedAction } from "@/lib/actions";

// Every server action is a public endpoint: each must be built by clinicAction() or publicAction()
// (lib/actions.ts), which check the caller and parse every argument. This lists them all from the files
// Next treats as actions ("use server" at the top) and fails on any that is not wrapped.
function actionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return actionFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(fs.readFileSync(p, "utf8"))
      ? [p]
      : [];
  });
}

describe("server actions", () => {
  const files = [...actionFiles("app"), ...actionFiles("lib"), ...actionFiles("components")];

  it("are found where the portal keeps them", () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it("are every one built by the one action wrapper", async () => {
    const unwrapped: string[] = [];
    let count = 0;
    for (const file of files) {
      const mod = (await import(path.resolve(file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        count++;
        if (!isWrappedAction(value)) unwrapped.push(`${file}: ${name}`);
      }
    }
    expect(unwrapped).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(18);
  }, 60_000);

  it("refuse a call that is not a form, before anything else runs", async () => {
    const { updateBrandingAction } = await import("@/app/(portal)/clinics/[clinicId]/settings/actions");
    await expect(
      updateBrandingAction("demo-riverside", undefined, "not a form" as unknown as FormData),
    ).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/could not be read/) });
  });
});
