import { Field } from "@/components/ui/field";
import type { ContactBlock } from "@/lib/handouts/schemas";

const FIELDS: { name: keyof ContactBlock; label: string; type?: string; autoComplete?: string }[] = [
  { name: "clinicName", label: "Clinic name", autoComplete: "organization" },
  { name: "phone", label: "Clinic phone", type: "tel" },
  { name: "email", label: "Clinic email", type: "email" },
  { name: "website", label: "Website", type: "url" },
  { name: "address", label: "Address" },
  { name: "hours", label: "Opening hours" },
  { name: "clinicianName", label: "Clinician name" },
  { name: "credentials", label: "Credentials" },
  { name: "directPhone", label: "Direct line", type: "tel" },
];

/** The contact block printed on the handout, pre-filled from the clinic and the clinician. */
export function ContactFields({
  initial,
  values,
  errors,
  hint,
}: {
  initial: ContactBlock;
  values?: Record<string, string>;
  errors: Record<string, string[] | undefined>;
  hint?: string;
}) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold">Contact details on the handout</legend>
      {hint && <p className="mb-2 text-sm text-slate-600">{hint}</p>}
      <div className="grid gap-x-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <Field
            key={f.name}
            label={f.label}
            name={f.name}
            type={f.type ?? "text"}
            autoComplete={f.autoComplete ?? "off"}
            defaultValue={values?.[f.name] ?? initial[f.name]}
            errors={errors[f.name]}
          />
        ))}
      </div>
    </fieldset>
  );
}
