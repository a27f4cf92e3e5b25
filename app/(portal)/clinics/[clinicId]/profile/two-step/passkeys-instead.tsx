import Link from "next/link";

/** Beside the authenticator app: passkeys serve as the second step too, and sign in on their own. */
export function PasskeysInstead({ href, count }: { href: string; count: number }) {
  return (
    <p className="text-sm text-slate-700">
      {count
        ? `You have ${count === 1 ? "1 passkey" : `${count} passkeys`}: each also works as your second step. `
        : "A passkey works as your second step too, with no code to type. "}
      <Link href={href} className="font-medium text-brand-700 underline">
        {count ? "Manage passkeys" : "Add a passkey"}
      </Link>
    </p>
  );
}
