import { ActionButton } from "@/components/accounts/action-button";
import { removePasskeyAction } from "../actions";
import { RenamePasskeyForm } from "./rename-passkey-form";

type Passkey = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

const day = (d: Date) => d.toLocaleDateString("en-US", { dateStyle: "medium" });

export function PasskeyList({
  clinicId,
  passkeys,
  lastFactorWarning,
}: {
  clinicId: string;
  passkeys: Passkey[];
  lastFactorWarning: string;
}) {
  if (!passkeys.length) return <p className="text-sm text-slate-700">No passkeys yet.</p>;
  return (
    <ul className="divide-y divide-slate-200" aria-label="Your passkeys">
      {passkeys.map((p) => (
        <li key={p.id} className="py-4">
          <p className="font-medium">{p.name}</p>
          <p className="mb-2 text-sm text-slate-700">
            Added {day(p.createdAt)} · {p.lastUsedAt ? `last used ${day(p.lastUsedAt)}` : "not used yet"}
          </p>
          <RenamePasskeyForm clinicId={clinicId} passkey={p} />
          <div className="mt-2">
            <ActionButton
              action={removePasskeyAction.bind(null, clinicId)}
              fields={{ passkeyId: p.id }}
              pendingText="Removing…"
              variant="danger"
              confirmText={`Remove the passkey “${p.name}”? It will no longer sign you in.${passkeys.length === 1 ? ` ${lastFactorWarning}` : ""}`}
            >
              Remove<span className="sr-only"> {p.name}</span>
            </ActionButton>
          </div>
        </li>
      ))}
    </ul>
  );
}
