import { isAboveTarget, readingScale } from "@/lib/guides/readability";

/** The reading level on the language's own scale, with a plain-language hint when it misses the target. */
export function ReadingMeter({ label, stats, language = "en" }: { label: string; stats: { grade: number; words: number }; language?: string }) {
  const scale = readingScale(language);
  const high = isAboveTarget(stats.grade, language);
  return (
    <span className="text-sm" data-testid={`meter-${label.toLowerCase().replace(/\W+/g, "-")}`}>
      <span className="text-slate-700">{label}: </span>
      {stats.words === 0 ? (
        <span className="text-slate-600">no text yet</span>
      ) : (
        <>
          <strong className={high ? "text-amber-900" : "text-green-900"}>{scale.unit(stats.grade)}</strong>
          <span className="text-slate-600"> · {stats.words} words</span>
          {high && <span className="text-amber-900"> · {scale.hint}</span>}
        </>
      )}
    </span>
  );
}
