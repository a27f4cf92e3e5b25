import { SAFE_LINK } from "@/lib/guides/blocks";
import { telHref } from "@/lib/contact-rules";
import { attr, esc, join } from "@/lib/links/html";
import { blocksHtml, type BlocksContext } from "@/lib/links/blocks-html";
import { brandVariables, PAGE_CSS } from "@/lib/links/page-style";
import { formatLongDate, messagesFor } from "@/lib/i18n/messages";
import type { PrintedHandout, PrintedSection } from "@/lib/handouts/printed/model";

// The patient's web version of a stored handout, drawn from its printed model (lib/handouts/printed/model.ts)
// in the PDF's order: title and dates, main points, notes (at the top or the end, as the clinic prints them),
// the chosen sections, the contact block, the references those sections cite, the disclaimers. Links lead
// only to the handout's own PDF and logo, to tel:/mailto:, and to the addresses the guide itself cites:
// nothing else of the clinic or the portal.

// The pages that show no handout (gone, too many requests) carry no clinic's colours.
const NEUTRAL_VARS = brandVariables("#1d4e89", "#eef2f6");

function documentHtml(p: { lang: string; title: string; vars: string; body: string }): string {
  return `<!doctype html>
<html lang=${attr(p.lang)}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${esc(p.title)}</title><style>${p.vars}${PAGE_CSS}</style></head>
<body>${p.body}</body></html>`;
}

function notesHtml(h: PrintedHandout): string {
  if (!h.notesBlocks.length) return "";
  const body = h.notesBlocks
    .map((b) =>
      b.type === "bullets"
        ? `<ul>${b.items.map((i) => `<li dir="auto">${esc(i)}</li>`).join("")}</ul>`
        : `<p dir="auto">${esc(b.lines.join("\n"))}</p>`,
    )
    .join("");
  return `<section class="notes" aria-labelledby="notes-title"><h2 id="notes-title">${esc(h.words.notesTitle)}</h2>${body}</section>`;
}

function contactHtml(h: PrintedHandout): string {
  const lines = h.contactLines
    .map(
      (l) =>
        `<p><strong>${esc(l.label)}:</strong> ${l.href ? `<a href=${attr(l.href)}>${esc(l.text)}</a>` : esc(l.text)}</p>`,
    )
    .join("");
  return `<section class="contact" aria-labelledby="contact-title"><h2 id="contact-title">${esc(h.words.contactTitle)}</h2>${lines}</section>`;
}

const sectionId = (key: string) => `s-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/**
 * The page for a handout whose seal matched. `pages`: its PDF's page count; `expiresAt`: when its link stops
 * working. Those two and the page's own controls are the only words not in the model; they are looked up in
 * the handout's language like the rest.
 */
export function handoutPageHtml(
  h: PrintedHandout,
  opts: { token: string; hasLogo: boolean; pages: number | null; expiresAt: Date },
): string {
  const { language, words, clinicName } = h;
  const page = messagesFor(language).page;
  const ctx: BlocksContext = { listed: new Set(h.references.map((r) => r.key)), tables: 0 };
  const section = (s: PrintedSection, extraClass = "") =>
    `<section${extraClass} aria-labelledby=${attr(sectionId(s.key))}><h2 id=${attr(sectionId(s.key))}>${esc(s.title)}</h2>${blocksHtml(s.blocks, ctx)}</section>`;
  // Warning signs stand out as in the PDF: a box with a label of real text above the heading (the mark
  // beside it is decoration); the section is named by both.
  const warning = (s: PrintedSection) => {
    const id = sectionId(s.key);
    return `<section class="warning" aria-labelledby=${attr(`${id}-label ${id}`)}><p class="warning-label" id=${attr(`${id}-label`)}><span class="warning-mark" aria-hidden="true">!</span>${esc(words.warningLabel)}</p><h2 id=${attr(id)}>${esc(s.title)}</h2>${blocksHtml(s.blocks, ctx)}</section>`;
  };
  const content = h.sections
    .filter((s) => s.kind === "content")
    .map((s) => (s.warning ? warning(s) : section(s)))
    .join("");
  const disclaimers = h.sections
    .filter((s) => s.kind === "disclaimer")
    .map((s) => section(s, ' class="disclaimer"'))
    .join("");
  const notes = notesHtml(h);
  const base = `/h/${opts.token}`;
  const phone = h.contact.phone;

  const body = join([
    `<a class="skip" href="#main">${esc(page.skip)}</a>`,
    `<header class="band"><div class="band-inner">`,
    opts.hasLogo && `<img src=${attr(`${base}/logo`)} alt=${attr(words.logoAlt)}>`,
    `<div><p class="clinic">${esc(clinicName)}</p>`,
    phone && `<p><a href=${attr(telHref(phone))}>${esc(phone)}</a></p>`,
    `</div></div></header>`,
    `<main id="main">`,
    `<div class="tools"><label class="switch"><input type="checkbox" id="larger"> ${esc(page.largerText)}</label>`,
    `<a class="button" href=${attr(`${base}/pdf`)} download>${esc(page.downloadPdf)}${opts.pages ? `<small>${esc(page.pdfSize(opts.pages))}</small>` : ""}</a></div>`,
    `<h1>${esc(h.title)}</h1>`,
    `<ul class="meta">${h.meta.map((m) => `<li>${esc(m)}</li>`).join("")}</ul>`,
    h.mainPoints.length > 0 &&
      `<section class="main-points" aria-labelledby="main-points-title"><h2 id="main-points-title">${esc(words.mainPointsTitle)}</h2><ul>${h.mainPoints.map((p) => `<li>${esc(p)}</li>`).join("")}</ul></section>`,
    h.notesPosition === "TOP" && notes,
    content,
    h.notesPosition === "END" && notes,
    contactHtml(h),
    h.references.length > 0 &&
      `<section class="references" aria-labelledby="references-title"><h2 id="references-title">${esc(words.referencesTitle)}</h2><ol>${h.references
        .map((r) => `<li id=${attr(`ref-${r.key}`)}>${referenceHtml(r)}</li>`)
        .join("")}</ol></section>`,
    disclaimers,
    h.branding.extraDisclaimer && `<p class="disclaimer">${esc(h.branding.extraDisclaimer)}</p>`,
    `</main>`,
    `<footer><p>${esc(page.worksUntil(formatLongDate(opts.expiresAt.toISOString(), language)))}</p></footer>`,
  ]);
  return documentHtml({
    lang: language,
    title: `${h.title} · ${clinicName}`,
    vars: brandVariables(h.branding.primaryColor, h.branding.accentColor),
    body,
  });
}

// As in the PDF: a reference's address at its end becomes a link.
function referenceHtml(r: { text: string; url: string | null }): string {
  if (!r.url || !SAFE_LINK.test(r.url) || !r.text.endsWith(r.url)) return esc(r.text);
  return `${esc(r.text.slice(0, -r.url.length))}<a href=${attr(r.url)} rel="noopener noreferrer">${esc(r.url)}</a>`;
}

/**
 * The one page for a link that opens nothing: unknown, mistyped, expired, withdrawn, or of a voided handout.
 * A link the portal knows gets the clinic's name and phone as its handout printed them, in its language; an
 * unknown one (no handout, so no language: the portal's English) a pointer to the printed copy. Nothing else
 * differs, and the status is 404 either way.
 */
export function gonePageHtml(clinic: { name: string; phone: string } | null, language?: string): string {
  const t = messagesFor(language);
  const call =
    clinic && clinic.phone
      ? `<p>${esc(t.page.goneCall)} ${esc(clinic.name)}: <a href=${attr(telHref(clinic.phone))}>${esc(clinic.phone)}</a>.</p>`
      : `<p>${esc(t.page.goneUnknown)}</p>`;
  return documentHtml({
    lang: language ?? "en",
    title: t.page.goneTitle,
    vars: NEUTRAL_VARS,
    body: `<main id="main" class="gone"><h1>${esc(t.page.goneTitle)}</h1><p>${esc(t.page.goneBody)}</p>${call}</main>`,
  });
}

/**
 * The page for a live link whose handout no longer matches its seal (lib/handouts/seal.ts): no guide content
 * at all, the reason in plain words, and whom to call, as the handout printed it.
 */
export function unverifiedPageHtml(clinic: { name: string; phone: string }, language: string): string {
  const t = messagesFor(language);
  const call = clinic.phone
    ? `<p>${esc(t.page.unverifiedCall)} ${esc(clinic.name)}: <a href=${attr(telHref(clinic.phone))}>${esc(clinic.phone)}</a>.</p>`
    : `<p>${esc(t.page.unverifiedUnknown)}</p>`;
  return documentHtml({
    lang: language,
    title: t.page.unverifiedTitle,
    vars: NEUTRAL_VARS,
    body: `<main id="main" class="gone"><h1>${esc(t.page.unverifiedTitle)}</h1><p>${esc(t.page.unverifiedBody)}</p>${call}</main>`,
  });
}

export function tooManyPageHtml(language?: string): string {
  const t = messagesFor(language);
  return documentHtml({
    lang: language ?? "en",
    title: t.page.tooManyTitle,
    vars: NEUTRAL_VARS,
    body: `<main id="main" class="gone"><h1>${esc(t.page.tooManyTitle)}</h1><p>${esc(t.page.tooManyBody)}</p></main>`,
  });
}
