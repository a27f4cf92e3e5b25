import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// `id` defaults to the name; give one when a page has two fields of the same name (two forms).
type Common = { label: string; name: string; id?: string; errors?: string[]; hint?: string };

const control =
  "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 aria-[invalid=true]:border-red-700";

function describedBy(name: string, errors?: string[], hint?: string) {
  return [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Wrapper({
  label,
  id,
  errors,
  hint,
  children,
}: Omit<Common, "name"> & { id: string; children: React.ReactNode }) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and errors tied to it through aria-describedby. */
export function Field({
  label,
  name,
  id = name,
  errors,
  hint,
  className = "",
  ...props
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Wrapper label={label} id={id} errors={errors} hint={hint}>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={`${control} border-slate-400 ${className}`}
        {...props}
      />
    </Wrapper>
  );
}

export function TextArea({
  label,
  name,
  id = name,
  errors,
  hint,
  className = "",
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Wrapper label={label} id={id} errors={errors} hint={hint}>
      <textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={`${control} border-slate-400 ${className}`}
        {...props}
      />
    </Wrapper>
  );
}

export function Select({
  label,
  name,
  id = name,
  errors,
  hint,
  children,
  className = "",
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Wrapper label={label} id={id} errors={errors} hint={hint}>
      <select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={`${control} border-slate-400 ${className}`}
        {...props}
      >
        {children}
      </select>
    </Wrapper>
  );
}
