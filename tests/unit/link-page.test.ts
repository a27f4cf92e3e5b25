import { describe, expect, it } from "vitest";
import { handoutPageHtml, gonePageHtml } from "@/lib/links/page";
import { readContact } from "@/lib/handouts/snapshots";
import { takeLinkRequest, resetLinkRateLimit } from "@/lib/links/rate-limit";
import { printedHandout, type PrintedParts } from "@/lib/handouts/printed/build";
import type { PrintedHandout } from "@/lib/handouts/printed/model";
import type { Block } from "@/lib/guides/blocks";

const t = (text: string) => ({ type: "text" as const, text });
const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const EVIL_TEXT = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

function handout(over: Partial<PrintedParts> = {}): PrintedHandout {
  const blocks: Block[] = [
    {
      type: "paragraph",
      children: [
        t(`Plain ${EVIL} text`),
        { type: "link", href: "javascript:alert(1)", children: [t("bad link")] },
        { type: "link", href: "https://example.org/a?b=1&c=2", children: [t("good link")] },
      ],
    },
    { type: "heading", level: 3, children: [t("Sub heading")] },
    { type: "list", ordered: true, start: 3, items: [{ content: [{ type: "paragraph", children: [t("third")] }] }] },
    { type: "table", align: ["left", "right"], header: [[t("A")], [t("B")]], rows: [[[t("1")], [t("2")]]] },
  ];
  return printedHandout({
    layout: 2,
    language: "en",
    title: `Title ${EVIL}`,
    guideTitle: "Guide",
    preparedFor: `Pat ${EVIL}`,
    followUpDate: "2027-01-15",
    createdAt: "2026-12-01T10:00:00Z",
    notes: `- first note ${EVIL}\n- second note`,
    notesPosition: "END",
    largePrint: false,
    pageSize: "LETTER",
    sections: [
      { key: "b-second", title: "Second <b>", kind: "content", blocks, citedRefKeys: [], warning: false },
      {
        key: "a-first",
        title: "First",
        kind: "content",
        blocks: [{ type: "paragraph", children: [t("one")] }],
        citedRefKeys: [],
        warning: false,
      },
      {
        key: "disclaimer",
        title: "Disclaimer",
        kind: "disclaimer",
        blocks: [{ type: "paragraph", children: [t("Not advice.")] }],
        citedRefKeys: [],
        warning: false,
      },
    ],
    references: [],
    contact: readContact({
      clinicName: `Clinic ${EVIL}`,
      phone: "(555) 010-2400",
      email: "front@clinic.example",
      website: "javascript:alert(1)",
    }),
    branding: {
      clinicName: "Clinic",
      primaryColor: "#ffee00",
      accentColor: "#ffffff",
      extraDisclaimer: null,
      logoSha256: null,
    },
    pictures: {},
    link: null,
    ...over,
  });
}
const PAGE = { token: "T".repeat(43), hasLogo: false, pages: 2, expiresAt: new Date("2027-03-01T00:00:00Z") };

describe("the patient page's HTML", () => {
  const html = handoutPageHtml(handout(), PAGE);

  it("escapes everything that came from a clinic or a guide", () => {
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toMatch(/<[^>]*\son\w+=/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Second &lt;b&gt;");
  });

  it("links only https, mailto and tel addresses", () => {
    expect(html).not.toMatch(/href="(?!https:|mailto:|tel:|#|\/h\/)/);
    expect(html).toContain("bad link");
    // A website the forms would refuse, kept in an old snapshot, is printed, not linked.
    expect(html).toContain("<strong>Website:</strong> javascript:alert(1)</p>");
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">good link</a>');
    expect(html).toContain('<a href="tel:5550102400">(555) 010-2400</a>');
    expect(html).toContain('<a href="mailto:front@clinic.example">front@clinic.example</a>');
  });

  it("keeps the stored order, puts the notes where the clinic prints them, and keeps heading levels and list numbers", () => {
    const order = [...html.matchAll(/<h([1-3])[^>]*>([^<]*)/g)].map((m) => `h${m[1]} ${m[2]}`);
    expect(order).toEqual([
      `h1 Title ${EVIL_TEXT}`,
      "h2 Second &lt;b&gt;",
      "h3 Sub heading",
      "h2 First",
      "h2 Notes from your clinician",
      `h2 Questions? Contact Clinic ${EVIL_TEXT}`,
      "h2 Disclaimer",
    ]);
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<th scope="col">A</th><th scope="col" class="align-right">B</th>');
    expect(html).toContain('role="region" aria-label="Table 1" tabindex="0"');
    expect(html).toContain("<li>December 1, 2026</li>");
    expect(html).toContain("Follow-up: January 15, 2027");
  });

  it("sets warning signs apart in a box under a label of real text, in the handout's language, naming the section by both", () => {
    const help = {
      key: "when-to-get-help",
      title: "When to Get Help",
      kind: "content" as const,
      blocks: [{ type: "paragraph" as const, children: [t("Call 911 at once.")] }],
      citedRefKeys: [],
      warning: true,
    };
    const page = (language: string) =>
      handoutPageHtml(handout({ sections: [...handout().sections.slice(0, 2), help], language }), PAGE);
    const box = /<section class="warning" aria-labelledby="([^"]+)">(.*?)<\/section>/.exec(page("en"));
    expect(box, "a warning box").not.toBeNull();
    expect(box![1]).toBe("s-when-to-get-help-label s-when-to-get-help");
    expect(box![2]).toBe(
      '<p class="warning-label" id="s-when-to-get-help-label"><span class="warning-mark" aria-hidden="true">!</span>Get help now</p><h2 id="s-when-to-get-help">When to Get Help</h2><p>Call 911 at once.</p>',
    );
    expect(page("es")).toContain("</span>Busque ayuda ahora</p>");
    // Only the warning section is boxed; printed, the box keeps together and turns black and white.
    expect(page("en").match(/class="warning"/g)).toHaveLength(1);
    expect(html).not.toContain('class="warning"');
    expect(page("en")).toMatch(/@media print\{[^@]*\.warning\{background:none;border-color:#000\}/);
  });

  it("uses dark text on a light clinic colour, as the PDF does", () => {
    expect(html).toMatch(/--on-band:\s*#1a1a1a|--on-band:\s*#000/);
  });

  it("says a withdrawn link is gone, with the clinic's phone only when the link was real", () => {
    const known = gonePageHtml({ name: "Cedar & Co", phone: "555 0100" });
    expect(known).toContain('Cedar &amp; Co: <a href="tel:5550100">555 0100</a>');
    expect(gonePageHtml(null)).not.toContain("tel:");
  });
});

describe("the patient link rate limit", () => {
  it("allows 60 requests a minute per address, then asks to wait until the oldest one is a minute old", () => {
    resetLinkRateLimit();
    const now = 1_000_000;
    for (let i = 0; i < 60; i++) expect(takeLinkRequest("192.0.2.1", now + i * 100)).toBe(0);
    expect(takeLinkRequest("192.0.2.1", now + 6000)).toBe(54);
    expect(takeLinkRequest("192.0.2.2", now + 6000)).toBe(0);
    expect(takeLinkRequest("192.0.2.1", now + 60_001)).toBe(0);
  });
});
