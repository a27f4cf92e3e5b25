/** Ten recovery codes, shown once, with what to do with them. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <section
      aria-labelledby="recovery-codes-heading"
      className="mb-4 rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3"
    >
      <h2 id="recovery-codes-heading" className="text-base font-semibold text-slate-900">
        Save your recovery codes
      </h2>
      <p className="mt-1 text-sm text-slate-800">
        If you lose your phone or your passkeys, each of these codes lets you sign in once in their place. Print them or
        keep them in your password manager now: they are not shown again.
      </p>
      <ol id="recovery-codes" className="mt-3 grid grid-cols-1 gap-1 font-mono text-base sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </section>
  );
}
