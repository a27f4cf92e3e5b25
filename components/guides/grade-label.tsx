import { isAboveTarget, readingScale } from "@/lib/guides/readability";

/** A reading level on its language's scale, with a visible hint (text, not only colour) when it misses the target. */
export function GradeLabel({ grade, words, language = "en" }: { grade: number; words?: number; language?: string }) {
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
