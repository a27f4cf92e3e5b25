import { GRADE_TARGET } from "@/lib/guides/readability";

/** Grade level with a plain-language hint when it is above the 8th-grade target. */
export function ReadingMeter({ label, stats }: { label: string; stats: { grade: number; words: number } }) {
  const high = stats.grade > GRADE_TARGET;
  return (
    <span className="text-sm">
      <span className="text-slate-700">{label}: </span>
      {stats.words === 0 ? (
        <span className="text-slate-600">no text yet</span>
      ) : (
        <>
          <strong className={high ? "text-amber-900" : "text-green-900"}>grade {stats.grade.toFixed(1)}</strong>
          <span className="text-slate-600"> · {stats.words} words</span>
          {high && <span className="text-amber-900"> · above grade {GRADE_TARGET}: try shorter sentences and everyday words</span>}
        </>
      )}
    </span>
  );
}
