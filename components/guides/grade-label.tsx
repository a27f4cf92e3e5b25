import { isAboveTarget, readingScale } from "@/lib/guides/readability";

/**
 * A reading level on its language's scale, with a visible hint (text, not only colour) when it misses the
 * target. References and disclaimers (`kind`) are left out of a guide's level, so they get no level and no
 * hint: their wording is not the patient's reading.
 */
export function GradeLabel({
  grade,
  words,
  language = "en",
  kind = "content",
}: {
  grade: number;
  words?: number;
  language?: string;
  kind?: string;
}) {
  if (kind === "references" || kind === "disclaimer") {
    return (
      <span className="text-sm text-slate-700">
        Not scored: {kind === "references" ? "references" : "a disclaimer"} {kind === "references" ? "are" : "is"} left
        out of the reading level
        {words !== undefined && ` · ${words} words`}
      </span>
    );
  }
  const scale = readingScale(language);
  const high = isAboveTarget(grade, language);
  const value = scale.unit(grade);
  return (
    <span className={`text-sm ${high ? "text-amber-900" : "text-slate-700"}`}>
      {scale.higherIsEasier ? `Reading ease: ${value}` : `Reading ${value}`}
      {words !== undefined && ` · ${words} words`}
      {high && <strong className="font-semibold"> · {scale.hint.replace("try", "consider")}</strong>}
    </span>
  );
}
