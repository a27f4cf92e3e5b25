import { GuideBlocks } from "@/components/guides/guide-blocks";
import { parseNotes } from "@/lib/handouts/notes";
import type { Block } from "@/lib/guides/blocks";
import type { ContactBlock } from "@/lib/handouts/schemas";

export type PreviewProps = {
  title: string;
  date: Date;
  preparedFor: string;
  followUpDate: string;
  notes: string;
  notesPosition: "TOP" | "END";
  largePrint: boolean;
  pageSize: "LETTER" | "A4";
  clinicName: string;
  primaryColor: string;
  textOnPrimary: string;
  accentColor: string;
  contact: ContactBlock;
  sections: { key: string; title: string; blocks: Block[] }[];
  logoUrl?: string | null;
};

function Notes({ notes, accentColor, primaryColor }: { notes: string; accentColor: string; primaryColor: string }) {
  const blocks = parseNotes(notes);
  if (!blocks.length) return null;
  return (
    <div className="my-3 rounded border-l-4 p-3" style={{ background: accentColor, borderColor: primaryColor }}>
      <p className="mb-1 font-semibold">Notes from your clinician</p>
      {blocks.map((b, i) =>
        b.type === "bullets" ? (
          <ul key={i} className="ml-5 list-disc">
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i} className="mb-1 whitespace-pre-line">
            {b.lines.join("\n")}
          </p>
        ),
      )}
    </div>
  );
}

/**
 * Page 1 of the handout as HTML: the same content, order and branding as the PDF, on a page-shaped sheet
 * that cuts off where the first page would end. Real text, so screen readers can check it too.
 */
export function HandoutPreview(p: PreviewProps) {
  const aspect = p.pageSize === "A4" ? "210 / 297" : "8.5 / 11";
  return (
    <div
      className={`relative overflow-hidden rounded border border-slate-300 bg-white text-slate-900 shadow ${p.largePrint ? "text-[15px]" : "text-[11px]"} leading-snug`}
      style={{ aspectRatio: aspect }}
      aria-label="Page 1 preview"
      role="document"
    >
      <div className="px-[7%] pt-4">
        <div className="flex items-center gap-3 rounded px-3 py-2" style={{ background: p.primaryColor, color: p.textOnPrimary }}>
          {p.logoUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- a member-only route; next/image would proxy it
            <img src={p.logoUrl} alt="" className="h-7 rounded bg-white p-0.5" />
          )}
          <div>
            <p className="text-sm font-bold">{p.clinicName}</p>
            <p>{p.contact.phone}</p>
          </div>
        </div>
        <h3 className={`mt-3 font-bold ${p.largePrint ? "text-2xl" : "text-lg"}`}>{p.title}</h3>
        <p className="text-slate-700">
          {p.date.toLocaleDateString("en-US", { dateStyle: "long" })}
          {p.preparedFor && <> · Prepared for {p.preparedFor}</>}
          {p.followUpDate && <> · Follow-up {new Date(`${p.followUpDate}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "long" })}</>}
        </p>
        {p.notesPosition === "TOP" && <Notes notes={p.notes} accentColor={p.accentColor} primaryColor={p.primaryColor} />}
        {p.sections.map((s) => (
          <div key={s.key} className="mt-3">
            <h4 className={`font-bold ${p.largePrint ? "text-lg" : "text-sm"}`} style={{ color: p.primaryColor }}>
              {s.title}
            </h4>
            <div className="handout-preview-body">
              <GuideBlocks blocks={s.blocks} cites={false} />
            </div>
          </div>
        ))}
        {p.notesPosition === "END" && <Notes notes={p.notes} accentColor={p.accentColor} primaryColor={p.primaryColor} />}
      </div>
      <div className="pointer-events-none absolute inset-x-0 bottom-0 h-16 bg-gradient-to-t from-white to-transparent" />
    </div>
  );
}
