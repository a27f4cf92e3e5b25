// The "Patient link and QR code" box of the builder and the template page. The hidden field says the form
// shows the choice, so an unticked box means "no link" rather than "not asked" (lib/handouts/schemas.ts).
export function PatientLinkChoice({ defaultChecked, linkDays }: { defaultChecked: boolean; linkDays: number }) {
  return (
    <>
      <input type="hidden" name="patientLinkChoice" value="shown" />
      <label className="mt-3 flex items-start gap-2 text-sm font-medium">
        <input
          type="checkbox"
          name="patientLink"
          defaultChecked={defaultChecked}
          className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
        />
        <span>
          Patient link and QR code
          <span className="block font-normal text-slate-600">
            The patient can read the handout on their phone for {linkDays} days, no account needed.
          </span>
        </span>
      </label>
    </>
  );
}
