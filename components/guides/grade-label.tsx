import { GRADE_TARGET } from "@/lib/guides/readability";

/** A reading grade with a visible hint (text, not only colour) when it is above the target. */
export function GradeLabel({ grade, words }: { grade: number; words?: number }) {
  const high = grade > GRADE_TARGET;
  return (
    <span className={`text-sm ${high ? "text-amber-900" : "text-slate-700"}`}>
      Reading grade {grade.toFixed(1)}
      {words !== undefined && ` · ${words} words`}
      {high && <strong className="font-semibold"> · above grade {GRADE_TARGET}: consider simpler wording</strong>}
    </span>
  );
}
