/** "Trust this browser for 30 days", the same beside a code and a passkey. */
export function TrustBrowser() {
  return (
    <label className="mb-4 flex items-start gap-2 text-sm">
      <input type="checkbox" name="trust" className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600" />
      <span>
        <span className="font-medium">Trust this browser for 30 days</span>
        <span className="block text-slate-600">
          You will only need your password here. Do not tick this on a shared computer.
        </span>
      </span>
    </label>
  );
}
