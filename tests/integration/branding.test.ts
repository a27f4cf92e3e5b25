import sharp from "sharp";
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getBranding, setLogo, updateBranding } from "@/lib/clinics/branding";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { bombPng } from "@/tests/support/png";
import { db, act } from "./helpers";

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#1d4e89" } })
    .png()
    .toBuffer();
const noisyPng = (w: number, h: number) =>
  sharp(crypto.randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();

describe("clinic logo and branding", () => {
  it("refuses each bad logo with a clear message and stores nothing", async () => {
    const c = await createClinicWithMembers(db);
    const good = await png(200, 80);
    const bad: [string, Buffer, { name: string; type: string }, RegExp][] = [
      [
        "svg",
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        { name: "logo.svg", type: "image/svg+xml" },
        /SVG drawings are not accepted: save it as a PNG or JPEG picture/,
      ],
      [
        "png renamed .jpg",
        good,
        { name: "logo.jpg", type: "image/jpeg" },
        /named or labelled as JPEG but contains a PNG/,
      ],
      ["5 MB image", await noisyPng(1300, 1300), { name: "big.png", type: "image/png" }, /larger than 2 MB/],
      [
        "20000×20000",
        bombPng(20000, 20000),
        { name: "bomb.png", type: "image/png" },
        /could not be read|at most 4000×4000/,
      ],
      [
        "truncated png",
        (await noisyPng(300, 300)).subarray(0, 20_000),
        { name: "cut.png", type: "image/png" },
        /could not be read/,
      ],
      [
        "text named .png",
        Buffer.from("just some text, not an image"),
        { name: "notes.png", type: "image/png" },
        /named or labelled as a PNG picture, but it is not one \(it holds text\)/,
      ],
    ];
    for (const [label, bytes, declared, message] of bad) {
      if (label === "5 MB image") expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
      await expect(act(c.owner.id, c.clinic.id, setLogo, bytes, declared), label).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(message),
      });
    }
    expect(await db.clinicLogo.count({ where: { clinicId: c.clinic.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { clinicId: c.clinic.id, action: "clinic.branding_changed" } })).toBe(0);
  }, 60_000);

  it("stores a good JPEG as a PNG at most 600 px wide, without its EXIF data", async () => {
    const c = await createClinicWithMembers(db);
    const jpeg = await sharp({ create: { width: 1200, height: 400, channels: 3, background: "#2f6b3a" } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "Secret Camera Owner", Artist: "GPS somewhere" } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    await act(c.admin.id, c.clinic.id, setLogo, jpeg, { name: "logo.jpeg", type: "image/jpeg" });
    const stored = await db.clinicLogo.findUniqueOrThrow({ where: { clinicId: c.clinic.id } });
    const meta = await sharp(Buffer.from(stored.bytes)).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(600);
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(stored.bytes).includes("Secret Camera Owner")).toBe(false);
  });

  it("a clinician cannot change branding or the logo, even calling the functions directly; clinic B sees none of A's branding", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    const input = {
      name: "Hacked",
      primaryColor: "#000000",
      accentColor: "#ffffff",
      phone: "",
      email: "",
      address: "",
      website: "",
      hours: "",
      pageSize: "A4" as const,
      notesPosition: "END" as const,
      extraDisclaimer: "",
      linksByDefault: true,
      linkDays: 90,
    };
    await expect(act(a.clinician.id, a.clinic.id, updateBranding, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      act(a.clinician.id, a.clinic.id, setLogo, await png(50, 50), { name: "l.png", type: "image/png" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(act(b.owner.id, a.clinic.id, updateBranding, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(b.owner.id, a.clinic.id, getBranding)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.clinic.findUniqueOrThrow({ where: { id: a.clinic.id } })).name).toBe(a.clinic.name);
    await act(a.admin.id, a.clinic.id, updateBranding, { ...input, name: "Renamed Clinic" });
    expect((await act(a.clinician.id, a.clinic.id, getBranding)).clinic).toMatchObject({
      name: "Renamed Clinic",
      pageSize: "A4",
      notesPosition: "END",
    });
  });
});
