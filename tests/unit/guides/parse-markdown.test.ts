import { describe, it, expect } from "vitest";
import {
  MAX_GUIDE_BYTES,
  NO_DISCLAIMER_WARNING,
  parseGuideMarkdown,
  slugify,
} from "@/lib/guides/import/parse-markdown";

function errorsOf(input: Buffer | string): string[] {
  const result = parseGuideMarkdown(input);
  if (result.ok) throw new Error("expected the guide to be refused");
  return result.errors;
}

function parseOk(input: string) {
  const result = parseGuideMarkdown(input);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result;
}

const synthetic = `# Synthetic guide

Intro text with **bold** words.

## Dosing table

### Morning

| Drug | Dose | Note |
| :--- | ---: | :---: |
| Ibuprofen | 200 *mg* | with food |
| Paracetamol | 500 mg | |

#### Evening

Take it **with _plenty_ of** water.\\
Then rest.

## Steps

- Warm up
  1. Stretch
  2. Walk
- Cool down

3. Third
4. Fourth

## Contact

Read [the leaflet](https://example.org/leaflet), email [the nurse](mailto:nurse@example.org) or
[click me](javascript:alert(1)) and \`code\` ![a chart](https://example.org/x.png).
`;

describe("parseGuideMarkdown structure", () => {
  it("maps tables, nested lists, sub-headings, links and marks into exactly these blocks", () => {
    const { guide, warnings } = parseOk(synthetic);
    expect(warnings).toEqual([
      'Images are not imported: the image on line 32 is shown as its description ("a chart").',
      NO_DISCLAIMER_WARNING,
    ]);
    expect(guide.title).toBe("Synthetic guide");
    expect(guide.summary).toBe("Intro text with bold words.");
    expect(guide.sections.map((s) => s.key)).toEqual(["dosing-table", "steps", "contact"]);

    expect(guide.sections[0]?.blocks).toEqual([
      { type: "heading", level: 3, children: [{ type: "text", text: "Morning" }] },
      {
        type: "table",
        align: ["left", "right", "center"],
        header: [[{ type: "text", text: "Drug" }], [{ type: "text", text: "Dose" }], [{ type: "text", text: "Note" }]],
        rows: [
          [
            [{ type: "text", text: "Ibuprofen" }],
            [
              { type: "text", text: "200 " },
              { type: "text", text: "mg", italic: true },
            ],
            [{ type: "text", text: "with food" }],
          ],
          [[{ type: "text", text: "Paracetamol" }], [{ type: "text", text: "500 mg" }], []],
        ],
      },
      { type: "heading", level: 4, children: [{ type: "text", text: "Evening" }] },
      {
        type: "paragraph",
        children: [
          { type: "text", text: "Take it " },
          { type: "text", text: "with ", bold: true },
          { type: "text", text: "plenty", bold: true, italic: true },
          { type: "text", text: " of", bold: true },
          { type: "text", text: " water.\nThen rest." },
        ],
      },
    ]);

    const p = (text: string) => ({ type: "paragraph", children: [{ type: "text", text }] });
    expect(guide.sections[1]?.blocks).toEqual([
      {
        type: "list",
        ordered: false,
        items: [
          {
            content: [
              p("Warm up"),
              { type: "list", ordered: true, items: [{ content: [p("Stretch")] }, { content: [p("Walk")] }] },
            ],
          },
          { content: [p("Cool down")] },
        ],
      },
      { type: "list", ordered: true, start: 3, items: [{ content: [p("Third")] }, { content: [p("Fourth")] }] },
    ]);

    expect(guide.sections[2]?.blocks).toEqual([
      {
        type: "paragraph",
        children: [
          { type: "text", text: "Read " },
          { type: "link", href: "https://example.org/leaflet", children: [{ type: "text", text: "the leaflet" }] },
          { type: "text", text: ", email " },
          { type: "link", href: "mailto:nurse@example.org", children: [{ type: "text", text: "the nurse" }] },
          { type: "text", text: " or click me and code a chart." },
        ],
      },
    ]);
  });

  it("writes list items, headings and table rows as sentences in plain text", () => {
    const { guide } = parseOk(synthetic);
    expect(guide.sections[0]?.plainText).toBe(
      "Morning.\nDrug, Dose, Note.\nIbuprofen, 200 mg, with food.\nParacetamol, 500 mg.\nEvening.\nTake it with plenty of water.\nThen rest.",
    );
    expect(guide.sections[1]?.plainText).toBe("Warm up.\nStretch.\nWalk.\nCool down.\nThird.\nFourth.");
  });

  it("lets front matter win over the # title and keeps http links, upgrading bare www ones", () => {
    const { guide } = parseOk(
      "---\ntitle: Front title\nsummary: Short.\nreviewed: 2026-01-31\n---\n# Heading title\n\n## Links\n\nSee http://example.org and www.example.com/page.\n",
    );
    expect(guide.title).toBe("Front title");
    expect(guide.summary).toBe("Short.");
    expect(guide.reviewed).toBe("2026-01-31");
    expect(guide.source).toBeNull();
    const links = guide.sections[0]?.blocks[0];
    expect(links).toMatchObject({
      children: [
        {},
        { type: "link", href: "http://example.org" },
        {},
        { type: "link", href: "https://www.example.com/page" },
        {},
      ],
    });
  });

  it("marks disclaimer and when-to-get-help sections as required", () => {
    const { guide } = parseOk(
      "# T\n\n## When to Seek Care\n\nCall us.\n\n## Medical disclaimer\n\nNot advice.\n\n## Sources\n\n- Smith, J. (2020). Back pain.\n",
    );
    expect(guide.sections.map((s) => [s.kind, s.required])).toEqual([
      ["content", true],
      ["disclaimer", true],
      ["references", false],
    ]);
  });

  it("warns, without refusing, when the guide has no disclaimer section", () => {
    expect(parseOk("# T\n\n## Care\n\nRest.\n").warnings).toEqual([NO_DISCLAIMER_WARNING]);
    expect(parseOk("# T\n\n## Care\n\nRest.\n\n## Disclaimer\n\nNot advice.\n").warnings).toEqual([]);
  });

  it("reads references from paragraphs when the section has no list, and renders them as a list", () => {
    const { guide } = parseOk(
      "# T\n\n## Risks\n\nSome text (Smith, 2020) and (Smith, 2021).\n\n## Bibliography\n\nSmith, J. (2020). One. doi:10.1000/xyz123.\n\nSmith, K. (2021). Two. Retrieved from nhs.uk/conditions/back-pain/.\n\nAnonymous leaflet.\n",
    );
    expect(guide.references).toEqual([
      { key: "smith-2020", text: "Smith, J. (2020). One. doi:10.1000/xyz123.", url: "https://doi.org/10.1000/xyz123" },
      {
        key: "smith-2021",
        text: "Smith, K. (2021). Two. Retrieved from nhs.uk/conditions/back-pain/.",
        url: "https://nhs.uk/conditions/back-pain/",
      },
      { key: "ref-3", text: "Anonymous leaflet.", url: null },
    ]);
    expect(guide.sections[0]?.citedRefKeys).toEqual(["smith-2020", "smith-2021"]);
    expect(guide.sections[1]?.blocks[0]).toMatchObject({ type: "list", items: { length: 3 } });
  });

  it("slugifies headings into stable keys", () => {
    expect(slugify("What Is a Back Spasm")).toBe("what-is-a-back-spasm");
    expect(slugify("  Risk Factors!  ")).toBe("risk-factors");
    expect(slugify("Don’t Über-stretch")).toBe("dont-uber-stretch");
  });
});

describe("parseGuideMarkdown refuses bad input", () => {
  it.each([
    ["an empty file", "", "The file is empty."],
    ["a blank file", " \n\n", "The file is empty."],
    [
      "no title",
      "## Only\n\nText.\n",
      "The guide has no title: start it with a '# Title' line or a 'title:' in front matter.",
    ],
    ["no sections", "# Title\n\nJust text.\n", "The guide has no sections: add at least one '## Section' heading."],
    ["an empty section", "# T\n\n## Empty\n\n## Full\n\nText.\n", 'Section "Empty" is empty.'],
    ["a section with only a sub-heading", "# T\n\n## Hollow\n\n### Sub\n", 'Section "Hollow" is empty.'],
    [
      "duplicate section titles",
      "# T\n\n## Risk factors\n\nA.\n\n## Risk Factors\n\nB.\n",
      'Two sections are titled "Risk Factors": section titles must be unique.',
    ],
    [
      "a script block",
      "# T\n\n## S\n\n<script>alert(1)</script>\n",
      "Raw HTML is not allowed (line 5): remove the <script> markup.",
    ],
    [
      "inline bold HTML",
      "# T\n\n## S\n\nSome <b>bold</b> text.\n",
      "Raw HTML is not allowed (line 5): remove the <b> markup.",
    ],
    [
      "a bad review date",
      "---\ntitle: T\nreviewed: next week\n---\n## S\n\nText.\n",
      'Front matter: "reviewed" must be a date written as YYYY-MM-DD, e.g. 2026-11-01.',
    ],
    [
      "an impossible review date",
      "---\ntitle: T\nreviewed: 2026-02-30\n---\n## S\n\nText.\n",
      'Front matter: "reviewed" must be a date written as YYYY-MM-DD, e.g. 2026-11-01.',
    ],
    ["a non-text title", "---\ntitle: [a, b]\n---\n## S\n\nText.\n", 'Front matter: "title" must be text.'],
    ["broken YAML", '---\ntitle: "unclosed\n---\n## S\n\nText.\n', "The front matter is not valid YAML"],
    [
      "unclosed front matter",
      "---\ntitle: T\n## S\n\nText.\n",
      "The front matter that starts on line 1 has no closing '---' line.",
    ],
  ])("refuses %s", (_name, input, message) => {
    const errors = errorsOf(input);
    expect(
      errors.some((error) => error.startsWith(message)),
      errors.join("\n"),
    ).toBe(true);
  });

  it("refuses a file over 1 MB", () => {
    expect(errorsOf(`# T\n\n## S\n\n${"a".repeat(MAX_GUIDE_BYTES)}\n`)).toEqual(["The file is larger than 1 MB."]);
    expect(errorsOf(Buffer.alloc(MAX_GUIDE_BYTES + 1, 0x61))).toEqual(["The file is larger than 1 MB."]);
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(errorsOf(Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]))).toEqual(["The file is not UTF-8 text."]);
  });

  it("reports the HTML line numbers of the file, counting front matter", () => {
    expect(errorsOf("---\ntitle: T\n---\n## S\n\nText <i>x</i>.\n")).toEqual([
      "Raw HTML is not allowed (line 6): remove the <i> markup.",
    ]);
  });

  it("collects every error rather than stopping at the first", () => {
    const errors = errorsOf("## A\n\n## A\n\n<div>x</div>\n");
    expect(errors).toEqual(
      expect.arrayContaining([
        "The guide has no title: start it with a '# Title' line or a 'title:' in front matter.",
        'Section "A" is empty.',
        'Two sections are titled "A": section titles must be unique.',
        "Raw HTML is not allowed (line 5): remove the <div> markup.",
      ]),
    );
  });

  it("strips a UTF-8 byte order mark and accepts CRLF line endings", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("---\r\ntitle: T\r\n---\r\n## S\r\n\r\nText.\r\n"),
    ]);
    const result = parseGuideMarkdown(bytes);
    expect(result.ok && result.guide.title).toBe("T");
  });
});

describe("sections every handout must include", () => {
  const guide = (front: string, body: string) => {
    const r = parseGuideMarkdown(
      `${front ? `---\n${front}\n---\n` : ""}# Guide\n\n${body}\n\n## Disclaimer\n\nGeneral advice.\n`,
    );
    if (!r.ok) throw new Error(r.errors.join(" "));
    return r.guide.sections.map((s) => [s.title, s.lock, s.redFlag]);
  };

  it("locks the sections front matter names by title or key, the disclaimer, and 'when to seek care'", () => {
    expect(
      guide(
        "required: [Exercises, home-care]",
        "## Exercises\n\nBend.\n\n## Home Care\n\nRest.\n\n## When to Seek Care\n\nIf it swells.\n\n## Extras\n\nTea.",
      ),
    ).toEqual([
      ["Exercises", "guide", false],
      ["Home Care", "guide", false],
      ["When to Seek Care", "seek-care", false],
      ["Extras", null, false],
      ["Disclaimer", "disclaimer", false],
    ]);
  });

  it("flags and locks sections that read like warning signs, whatever they are called", () => {
    expect(
      guide(
        "",
        "## Warning Signs — Call Right Away\n\nCall 911 if you cannot feel your legs.\n\n## After Surgery\n\nGo to the emergency department if the wound bleeds.\n\n## Moving\n\nWalk daily.",
      ),
    ).toEqual([
      ["Warning Signs — Call Right Away", "red-flag", true],
      ["After Surgery", "red-flag", true],
      ["Moving", null, false],
      ["Disclaimer", "disclaimer", false],
    ]);
  });

  it("refuses a required name that is no section", () => {
    const r = parseGuideMarkdown("---\nrequired: [Nope]\n---\n# G\n\n## A\n\nText.\n");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'Front matter "required" names "Nope", which is not a section title or key of this guide.',
    ]);
  });
});
