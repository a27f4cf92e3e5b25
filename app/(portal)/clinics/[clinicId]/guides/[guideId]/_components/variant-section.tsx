import Link from "next/link";
import { GuideBlocks } from "@/components/guides/guide-blocks";
import { GradeLabel } from "@/components/guides/grade-label";
import { variantLabel } from "@/lib/guides/variant-labels";
import type { Block } from "@/lib/guides/blocks";

type Column = {
  key: string;
  href: string;
  language: string;
  level: string;
  title?: string;
  blocks?: Block[];
  grade?: number;
  words?: number;
  keyPoint?: string | null;
};

/** One section as each variant of the guide has it, side by side, each column in its own language. */
export function VariantSection({ sectionKey, kind, columns }: { sectionKey: string; kind: string; columns: Column[] }) {
  return (
    <div className="mt-2 grid gap-4 md:auto-cols-fr md:grid-flow-col">
      {columns.map((c) => (
        <div key={c.key} lang={c.language} className="min-w-0 rounded border border-slate-200 p-3">
          <h3 className="text-sm font-semibold text-slate-800" lang="en">
            <Link href={c.href} className="text-brand-700 underline-offset-2 hover:underline">
              {variantLabel(c)}
            </Link>
          </h3>
          {c.blocks ? (
            <>
              {c.title && <p className="mt-1 font-semibold">{c.title}</p>}
              {c.grade !== undefined && (
                <p lang="en">
                  <GradeLabel grade={c.grade} words={c.words} language={c.language} kind={kind} />
                </p>
              )}
              <div className="mt-2 text-base leading-relaxed">
                <GuideBlocks blocks={c.blocks} />
              </div>
              {c.keyPoint && <p className="mt-2 rounded bg-slate-100 p-2 text-sm">{c.keyPoint}</p>}
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-600" lang="en">
              No section {sectionKey} in this version.
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
