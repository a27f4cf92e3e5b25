"use client";

import { useState } from "react";
import type { BuilderSection } from "@/lib/handouts/builder-data";
import { LockBadge } from "@/components/guides/lock-badge";

export type PickerItem = BuilderSection & { picked: boolean };

/**
 * Sections with checkboxes and move up/down buttons (keyboard and screen-reader friendly); mouse users can
 * also drag. Required sections are locked in; the reference list is generated from the citations.
 */
export function SectionPicker({ items, onChange, error }: { items: PickerItem[]; onChange: (items: PickerItem[]) => void; error?: string[] }) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const movable = items.filter((i) => !i.required && i.kind === "content");

  function move(key: string, delta: number) {
    const order = [...movable];
    const from = order.findIndex((i) => i.key === key);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= order.length) return;
    const [item] = order.splice(from, 1);
    order.splice(to, 0, item!);
    onChange([...order, ...items.filter((i) => i.required || i.kind !== "content")]);
    setAnnouncement(`${item!.title} moved to position ${to + 1} of ${order.length}.`);
    requestAnimationFrame(() => document.getElementById(`move-${delta < 0 ? "up" : "down"}-${key}`)?.focus());
  }

  function toggle(key: string) {
    onChange(items.map((i) => (i.key === key ? { ...i, picked: !i.picked } : i)));
  }

  function drop(targetKey: string) {
    if (!dragging || dragging === targetKey) return;
    const order = movable.filter((i) => i.key !== dragging);
    const at = order.findIndex((i) => i.key === targetKey);
    order.splice(at < 0 ? order.length : at, 0, movable.find((i) => i.key === dragging)!);
    onChange([...order, ...items.filter((i) => i.required || i.kind !== "content")]);
    setDragging(null);
  }

  const locked = items.filter((i) => i.required);
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
      <ol className="mt-2 space-y-2">
        {movable.map((item, index) => (
          <li
            key={item.key}
            draggable
            onDragStart={() => setDragging(item.key)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => drop(item.key)}
            className={`flex items-center gap-2 rounded-md border bg-white px-3 py-2 ${item.picked ? "border-brand-600" : "border-slate-300"} ${dragging === item.key ? "opacity-50" : ""}`}
          >
            <span aria-hidden="true" className="cursor-grab select-none text-slate-500">
              ⠿
            </span>
            <input id={`pick-${item.key}`} type="checkbox" checked={item.picked} onChange={() => toggle(item.key)} className="h-5 w-5 accent-brand-600" />
            <label htmlFor={`pick-${item.key}`} className="min-w-0 flex-1 break-words text-sm font-medium">
              {item.title}
            </label>
            <button
              id={`move-up-${item.key}`}
              type="button"
              onClick={() => move(item.key, -1)}
              disabled={index === 0}
              aria-label={`Move ${item.title} up`}
              className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40"
            >
              ↑
            </button>
            <button
              id={`move-down-${item.key}`}
              type="button"
              onClick={() => move(item.key, 1)}
              disabled={index === movable.length - 1}
              aria-label={`Move ${item.title} down`}
              className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40"
            >
              ↓
            </button>
          </li>
        ))}
        {locked.map((item) => (
          <li key={item.key} className="flex items-center gap-2 rounded-md border border-dashed border-slate-400 bg-slate-50 px-3 py-2">
            <input id={`pick-${item.key}`} type="checkbox" checked disabled className="h-5 w-5" />
            <label htmlFor={`pick-${item.key}`} className="flex flex-1 flex-wrap items-center gap-2 text-sm font-medium">
              {item.title} <LockBadge reason={item.lockReason} />
            </label>
          </li>
        ))}
      </ol>
      {items.some((i) => i.kind === "references") && (
        <p className="mt-2 text-sm text-slate-600">References are added automatically for the sources the chosen sections cite.</p>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}
