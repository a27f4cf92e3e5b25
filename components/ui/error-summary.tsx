"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/forms";

// What `invalid()` says when the field messages say the rest.
const GENERIC = "Please correct the highlighted fields.";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Target = { control: Control; label: string | null };

const isControl = (n: Node): n is Control =>
  n instanceof HTMLInputElement || n instanceof HTMLSelectElement || n instanceof HTMLTextAreaElement;

// The control a field error belongs to, in the summary's own form (two forms on a page may share field
// names): the first one that can take focus, and how it is labelled. Checkboxes and radios are labelled by a
// sentence, so their message stands alone.
function findTarget(form: HTMLFormElement | null, name: string): Target | null {
  const found = form?.elements.namedItem(name);
  const nodes: Node[] = found instanceof RadioNodeList ? [...found] : found ? [found] : [];
  const control = nodes.filter(isControl).find((c) => !c.disabled && c.type !== "hidden");
  if (!control) return null;
  if (control.type === "checkbox" || control.type === "radio") return { control, label: null };
  const label =
    control.labels?.[0]?.textContent ??
    control.closest("fieldset")?.querySelector("legend")?.textContent ??
    control.getAttribute("aria-label");
  return { control, label: label?.trim() || null };
}

/**
 * GOV.UK's error summary: when an action returns errors, "There is a problem" at the top of the form lists each
 * field's message as a link to the field, and takes the focus, so a message off screen is never missed. Put it
 * first inside the form whose state it shows; it renders nothing while there is no error.
 */
export function ErrorSummary({ state }: { state: FormState<unknown> }) {
  const box = useRef<HTMLDivElement>(null);
  const [targets, setTargets] = useState<Record<string, Target | null>>({});
  const errors = state.ok
    ? []
    : Object.entries(state.fieldErrors ?? {}).flatMap(([name, messages]) =>
        (messages ?? []).map((message) => ({ name, message })),
      );
  // The form's message, unless the list says it already (the generic one, or one field's own message).
  const message =
    !state.ok &&
    state.message &&
    !(errors.length && state.message === GENERIC) &&
    !errors.some((e) => e.message === state.message)
      ? state.message
      : null;
  const shown = !!message || errors.length > 0;

  // Labels come from the form itself (the summary cannot know them), before the browser paints.
  useLayoutEffect(() => {
    const form = box.current?.closest("form") ?? null;
    setTargets(Object.fromEntries(Object.keys(state.fieldErrors ?? {}).map((name) => [name, findTarget(form, name)])));
  }, [state]);
  // Each answer with errors is a new state object: focus once per answer, not on every render.
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [state, shown]);

  if (!shown) return null;
  return (
    <div
      ref={box}
      tabIndex={-1}
      className="mb-4 rounded-md border-2 border-red-700 bg-white px-4 py-3 text-sm text-red-900"
    >
      <div role="alert">
        <h2 className="text-base font-semibold">There is a problem</h2>
        {message && <p className="mt-1">{message}</p>}
        {errors.length > 0 && (
          <ul className="mt-1 ml-5 list-disc space-y-0.5">
            {errors.map(({ name, message }) => {
              const target = targets[name];
              const text = target?.label ? `${target.label}: ${message}` : message;
              return (
                <li key={`${name}:${message}`}>
                  {target ? (
                    <a
                      href={`#${target.control.id || name}`}
                      className="font-medium text-red-900 underline"
                      onClick={(e) => {
                        e.preventDefault();
                        target.control.focus();
                        (target.control.closest("label, fieldset, div") ?? target.control).scrollIntoView({
                          block: "center",
                        });
                      }}
                    >
                      {text}
                    </a>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
