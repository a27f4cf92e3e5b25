import { ActionButton } from "@/components/accounts/action-button";
import { unlinkEhrUserAction } from "../ehr-actions";

type Link = { id: string; fhirUser: string; createdAt: Date; lastUsedAt: Date };

const day = (d: Date) => d.toLocaleDateString("en-US", { dateStyle: "medium" });

/** Profile: the EHR users that open the portal as this member without a password (lib/ehr/identity.ts). */
export function EhrLinks({ clinicId, links }: { clinicId: string; links: Link[] }) {
  return (
    <>
      <h2 className="mb-1 text-lg font-semibold">Linked EHR users</h2>
      <p className="mb-3 text-sm text-slate-700">
        A launch from the clinic&apos;s EHR as one of these users opens the portal as you, without your password.
      </p>
      <ul className="divide-y divide-slate-200" aria-label="Linked EHR users">
        {links.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <div className="min-w-0">
              <p className="font-medium">{l.fhirUser}</p>
              <p className="text-sm text-slate-700">
                linked {day(l.createdAt)} · last used {day(l.lastUsedAt)}
              </p>
            </div>
            <ActionButton
              action={unlinkEhrUserAction.bind(null, clinicId)}
              fields={{ identityId: l.id }}
              pendingText="Unlinking…"
            >
              Unlink<span className="sr-only"> {l.fhirUser}</span>
            </ActionButton>
          </li>
        ))}
      </ul>
    </>
  );
}
