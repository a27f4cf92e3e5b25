import { ActionButton } from "@/components/accounts/action-button";
import { signOutDeviceAction, signOutOtherDevicesAction } from "../security-actions";

type Device = { id: string; browser: string; ip: string | null; lastSeenAt: Date; createdAt: Date; isCurrent: boolean };

const when = (d: Date) => d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

export function SignedInDevices({ clinicId, devices }: { clinicId: string; devices: Device[] }) {
  const others = devices.filter((d) => !d.isCurrent).length;
  return (
    <>
      <h2 className="mb-1 text-lg font-semibold">Signed-in devices</h2>
      <p className="mb-3 text-sm text-slate-700">
        Where you are signed in now. If you do not recognise one, sign it out and change your password.
      </p>
      <ul className="divide-y divide-slate-200" aria-label="Signed-in devices">
        {devices.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <div className="min-w-0">
              <p className="font-medium">
                {d.browser} {d.isCurrent && <span className="text-sm font-normal text-green-800">(this browser)</span>}
              </p>
              <p className="text-sm text-slate-700">
                {d.ip ?? "Unknown address"} · last seen {when(d.lastSeenAt)} · signed in {when(d.createdAt)}
              </p>
            </div>
            {!d.isCurrent && (
              <ActionButton
                action={signOutDeviceAction.bind(null, clinicId)}
                fields={{ sessionId: d.id }}
                pendingText="Signing out…"
              >
                Sign out
                <span className="sr-only">
                  {" "}
                  {d.browser}, last seen {when(d.lastSeenAt)}
                </span>
              </ActionButton>
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <div className="mt-3">
          <ActionButton
            action={signOutOtherDevicesAction.bind(null, clinicId)}
            pendingText="Signing out…"
            variant="danger"
          >
            Sign out all other sessions
          </ActionButton>
        </div>
      )}
    </>
  );
}
