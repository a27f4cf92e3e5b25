"use client";

import { useState } from "react";
import type { BuilderSection } from "@/lib/handout-drafts/builder-data";
import { LockBadge } from "@/components/guides/lock-badge";

export type PickerItem = BuilderSection & { picked: boolean };

const moveButton = "rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40";

/**
 * Sections with checkboxes and buttons to move them (to the top, up, down, to the bottom: keyboard and
 * screen-reader friendly); mouse users can also drag. Locked sections are always included, with the reason;
 * the reference list is generated from the citations. `guideOrder` is the order "Reset" goes back to.
 */
export function SectionPicker({
  items,
  guideOrder,
  onChange,
  error,
  name = "sectionKeys",
}: {
  items: PickerItem[];
  guideOrder: string[];
  onChange: (items: PickerItem[]) => void;
  error?: string[];
  name?: string;
}) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const movable = items.filter((i) => !i.required && i.kind === "content");
  const fixed = items.filter((i) => i.required || i.kind !== "content");

  function place(key: string, to: number, focus: string) {
    const order = [...movable];
    const from = order.findIndex((i) => i.key === key);
    if (from < 0 || to < 0 || to >= order.length || to === from) return;
    const [item] = order.splice(from, 1);
    order.splice(to, 0, item!);
    onChange([...order, ...fixed]);
    setAnnouncement(`${item!.title} moved to position ${to + 1} of ${order.length}.`);
    requestAnimationFrame(() => document.getElementById(`${focus}-${key}`)?.focus());
  }

  function toggle(key: string) {
    onChange(items.map((i) => (i.key === key ? { ...i, picked: !i.picked } : i)));
  }

  function reset() {
    const rank = new Map(guideOrder.map((k, i) => [k, i]));
    onChange([...[...movable].sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0)), ...fixed]);
    setAnnouncement("Sections are back in the guide's order.");
  }

  function drop(targetKey: string) {
    if (!dragging || dragging === targetKey) return;
    const order = movable.filter((i) => i.key !== dragging);
    const at = order.findIndex((i) => i.key === targetKey);
    order.splice(
      at < 0 ? order.length : at,
      0,
      movable.find((i) => i.key === dragging)!,
    );
    onChange([...order, ...fixed]);
    setDragging(null);
  }

  const inGuideOrder = movable.every(
    (item, i) => i === 0 || guideOrder.indexOf(movable[i - 1]!.key) < guideOrder.indexOf(item.key),
  );
  return (
    <fieldset aria-describedby={error?.length ? "sections-error" : "sections-hint"}>
      <legend className="text-sm font-medium text-slate-800">Sections, in the order the patient will read them</legend>
      <p id="sections-hint" className="mt-0.5 text-sm text-slate-600">
        Tick the sections that fit this patient. Use the arrows (or drag) to change the order.
      </p>
      {error?.length ? (
        <p id="sections-error" className="mt-1 text-sm font-medium text-red-800">
          {error.join(" ")}
        </p>
      ) : movable.length > 0 && !movable.some((i) => i.picked) ? (
        <p role="status" className="mt-1 text-sm font-medium text-amber-900">
          Choose at least one section besides the ones always included.
        </p>
      ) : null}
      {/* The picker's whole order, ticked or not: what a draft keeps. */}
      {movable.map((i) => (
        <input key={i.key} type="hidden" name="order" value={i.key} />
      ))}
      {items
        .filter((i) => i.picked || i.required)
        .map((i) => (
          <input key={i.key} type="hidden" name={name} value={i.key} />
        ))}
      <ol className="mt-2 space-y-2">
        {movable.map((item, index) => (
          <li
            key={item.key}
            draggable
            onDragStart={() => setDragging(item.key)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => drop(item.key)}
            className={`flex flex-wrap items-center gap-2 rounded-md border bg-white px-3 py-2 ${item.picked ? "border-brand-600" : "border-slate-300"} ${dragging === item.key ? "opacity-50" : ""}`}
          >
            <span aria-hidden="true" className="cursor-grab text-slate-500 select-none">
              ⠿
            </span>
            <input
              id={`pick-${item.key}`}
              type="checkbox"
              checked={item.picked}
              onChange={() => toggle(item.key)}
              className="h-5 w-5 accent-brand-600"
            />
            <label htmlFor={`pick-${item.key}`} className="min-w-0 flex-1 text-sm font-medium break-words">
              {item.title}
            </label>
            <span className="flex gap-1">
              <button
                id={`top-${item.key}`}
                type="button"
                onClick={() => place(item.key, 0, "top")}
                disabled={index === 0}
                aria-label={`Move ${item.title} to the top`}
                className={moveButton}
              >
                ⤒
              </button>
              <button
                id={`up-${item.key}`}
                type="button"
                onClick={() => place(item.key, index - 1, "up")}
                disabled={index === 0}
                aria-label={`Move ${item.title} up`}
                className={moveButton}
              >
                ↑
              </button>
              <button
                id={`down-${item.key}`}
                type="button"
                onClick={() => place(item.key, index + 1, "down")}
                disabled={index === movable.length - 1}
                aria-label={`Move ${item.title} down`}
                className={moveButton}
              >
                ↓
              </button>
              <button
                id={`bottom-${item.key}`}
                type="button"
                onClick={() => place(item.key, movable.length - 1, "bottom")}
                disabled={index === movable.length - 1}
                aria-label={`Move ${item.title} to the bottom`}
                className={moveButton}
              >
                ⤓
              </button>
            </span>
          </li>
        ))}
        {items
          .filter((i) => i.required)
          .map((item) => (
            <li
              key={item.key}
              className="flex items-center gap-2 rounded-md border border-dashed border-slate-400 bg-slate-50 px-3 py-2"
            >
              <input id={`pick-${item.key}`} type="checkbox" checked disabled className="h-5 w-5" />
              <label
                htmlFor={`pick-${item.key}`}
                className="flex flex-1 flex-wrap items-center gap-2 text-sm font-medium"
              >
                {item.title} <LockBadge reason={item.lockReason} />
              </label>
            </li>
          ))}
      </ol>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        {items.some((i) => i.kind === "references") ? (
          <p className="text-sm text-slate-600">
            References are added automatically for the sources the chosen sections cite.
          </p>
        ) : (
          <span />
        )}
        <button
          type="button"
          onClick={reset}
          disabled={inGuideOrder}
          className="text-sm font-medium text-brand-700 underline disabled:text-slate-500 disabled:no-underline"
        >
          Reset to the guide’s order
        </button>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}

/**
 * The picker's items for a start: a saved order as it was (a draft); otherwise the guide's order, with the
 * chosen sections in their chosen order in the places chosen sections had, and the others where the guide
 * has them ("Duplicate and edit" and templates keep unticked sections in their guide position).
 */
export function pickerItems(
  sections: BuilderSection[],
  chosenKeys: string[],
  order?: { key: string; picked: boolean }[],
): PickerItem[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const movable = (s: BuilderSection | undefined): s is BuilderSection => !!s && s.kind === "content" && !s.required;
  const rest = sections.filter((s) => s.kind !== "content" || s.required).map((s) => ({ ...s, picked: s.required }));
  if (order?.length) {
    const listed = order
      .map((o) => ({ section: byKey.get(o.key), picked: o.picked }))
      .filter((o): o is { section: BuilderSection; picked: boolean } => movable(o.section));
    const missing = sections.filter((s) => movable(s) && !order.some((o) => o.key === s.key));
    return [
      ...listed.map((o) => ({ ...o.section, picked: o.picked })),
      ...missing.map((s) => ({ ...s, picked: false })),
      ...rest,
    ];
  }
  const chosen = [...new Set(chosenKeys)].map((k) => byKey.get(k)).filter(movable);
  const queue = [...chosen];
  const inGuide = sections
    .filter(movable)
    .map((s) => (chosen.includes(s) ? { ...queue.shift()!, picked: true } : { ...s, picked: false }));
  return [...inGuide, ...rest];
}
