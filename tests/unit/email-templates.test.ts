import { describe, expect, it } from "vitest";
import { inviteEmail } from "@/lib/email/templates";

describe("account emails", () => {
  it("escape names in the HTML part and keep the link in the text part", () => {
    const mail = inviteEmail({
      clinicName: "<script>x</script> Clinic",
      inviterName: 'Dr "Q"',
      role: "ADMIN",
      link: "https://p.example/invite/abc",
      expiresHours: 72,
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;x&lt;/script&gt; Clinic");
    expect(mail.text).toContain("https://p.example/invite/abc");
    expect(mail.text).toContain("72 hours");
  });
});
