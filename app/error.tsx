"use client";

// Unexpected errors: no internals, only the digest that matches the server log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-slate-700">Nothing was saved by the step that failed. Please try again.</p>
      {error.digest && <p className="mt-2 text-sm text-slate-600">Reference: {error.digest}</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </main>
  );
}
