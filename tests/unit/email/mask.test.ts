import { describe, expect, it } from "vitest";
import { maskAddress, maskAddresses } from "@/lib/email/mask";
import { classifySmtpError } from "@/lib/email/outbox";

// RFC 5322 atext beyond letters and digits, each of which may stand anywhere in a local part.
const ATEXT = "!#$%&'*+-/=?^_`{|}~";

describe("masking email addresses", () => {
  it("masks the whole local part of an address with an apostrophe, as a stored SMTP error and a recipient", () => {
    expect(maskAddresses("550 5.1.1 <mary'smith@example.com>: Recipient address rejected")).toBe(
      "550 5.1.1 <m***@example.com>: Recipient address rejected",
    );
    expect(maskAddress("mary'smith@example.com")).toBe("m***@example.com");
    const { reason } = classifySmtpError({
      responseCode: 550,
      response: "550 5.1.1 mary'smith@example.com... User unknown",
    });
    expect(reason).toBe("550 5.1.1 m***@example.com... User unknown");
  });

  it("masks the same way whichever atext characters or dots the local part holds, wherever they stand", () => {
    for (const c of ATEXT) {
      for (const local of [`ann${c}lee`, `ann${c}`, `a.b${c}c.d`, `${c}${c}x`]) {
        const address = `${local}@mail.example.org`;
        const masked = `${local[0]}***@mail.example.org`;
        expect(maskAddress(address)).toBe(masked);
        expect(maskAddresses(`550 <${address}>: unknown`), address).toBe(`550 <${masked}>: unknown`);
        expect(maskAddresses(`RCPT TO:${address} refused`), address).toBe(`RCPT TO:${masked} refused`);
      }
    }
    // Nothing of the local part but its first character is left, for every one of those characters at once.
    const all = `z${ATEXT}.${ATEXT}@example.com`;
    expect(maskAddresses(`550 ${all} unknown`)).toBe("550 z***@example.com unknown");
  });

  it("masks every address in a reply and leaves the rest of it as it was", () => {
    expect(maskAddresses(`452 "o'neil@a.example", "b+tag@b.example"; try later`)).toBe(
      `452 "o***@a.example", "b***@b.example"; try later`,
    );
    expect(maskAddresses("421 4.7.0 Try again later (example.com)")).toBe("421 4.7.0 Try again later (example.com)");
  });
});
