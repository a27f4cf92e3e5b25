import { isAboveTarget, MIN_SCORED_WORDS, readingScale, type ReadingLevel } from "@/lib/guides/readability";

const words = (n: number) => `${n.toLocaleString("en-US")} word${n === 1 ? "" : "s"}`;

/**
 * The reading level on the language's own scale, with a plain-language hint when it misses the target; text too
 * short or too list-like for a formula says so instead of showing a number that means nothing.
 */
export function ReadingMeter({
  label,
  level,
  language = "en",
}: {
  label: string;
  level: ReadingLevel;
  language?: string;
}) {
  const scale = readingScale(language);
  const high = level.kind === "scored" && isAboveTarget(level.grade, language);
  return (
    <span className="text-sm" data-testid={`meter-${label.toLowerCase().replace(/\W+/g, "-")}`}>
      <span className="text-slate-700">{label}: </span>
      {level.kind === "empty" ? (
        <span className="text-slate-600">no text yet</span>
      ) : level.kind === "too-short" ? (
        <span className="text-slate-700">
          too short to score · {words(level.words)} (a level needs {MIN_SCORED_WORDS})
        </span>
      ) : level.kind === "list" ? (
        <span className="text-slate-700">lists are not scored · {words(level.words)}, mostly bullet points</span>
      ) : (
        <>
          <strong className={high ? "text-amber-900" : "text-green-900"}>{scale.unit(level.grade)}</strong>
          <span className="text-slate-600"> · {words(level.words)}</span>
          {high && <span className="text-amber-900"> · {scale.hint}</span>}
        </>
      )}
    </span>
  );
}
