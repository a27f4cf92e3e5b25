"use client";

import type { BuilderVariant } from "@/lib/handout-drafts/builder-data";
import { variantLabel } from "@/lib/guides/variant-labels";

/** Language and reading level of the handout: one of the guide's variants, which share their sections. */
export function VariantPicker({
  variants,
  value,
  onChange,
}: {
  variants: BuilderVariant[];
  value: string;
  onChange: (versionId: string) => void;
}) {
  if (variants.length < 2) return null;
  return (
    <div>
      <label htmlFor="variant" className="mb-1 block text-sm font-medium">
        Language and reading level
      </label>
      <select
        id="variant"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby="variant-hint"
        className="w-full rounded border border-slate-400 bg-white px-3 py-2"
      >
        {variants.map((v) => (
          <option key={v.versionId} value={v.versionId}>
            {variantLabel(v)}: {v.title}
          </option>
        ))}
      </select>
      <p id="variant-hint" className="mt-1 text-sm text-slate-600">
        The sections you chose stay chosen; the headings, dates and contact labels print in the handout&apos;s language.
      </p>
    </div>
  );
}
