import Link from "next/link";
import type { PendingMethod } from "@/lib/accounts/pending-sign-in";

const LABELS: Record<PendingMethod, string> = {
  passkey: "Use a passkey instead",
  totp: "Use your authenticator app instead",
  recovery: "Use a recovery code instead",
};

/** Links to the account's other ways through the second step. */
export function OtherMethods({
  methods,
  current,
  callbackUrl,
}: {
  methods: PendingMethod[];
  current: PendingMethod;
  callbackUrl: string;
}) {
  const others = methods.filter((m) => m !== current);
  if (!others.length) return null;
  return (
    <ul className="mt-4 space-y-1 text-center text-sm">
      {others.map((method) => (
        <li key={method}>
          <Link
            href={`/login/second-factor?${new URLSearchParams({ callbackUrl, method })}`}
            className="font-medium text-brand-700 underline"
          >
            {LABELS[method]}
          </Link>
        </li>
      ))}
    </ul>
  );
}
