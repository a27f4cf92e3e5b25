import { ActionButton } from "@/components/accounts/action-button";
import { setSecondFactorPolicyAction } from "../policy-actions";

/** The clinic's "require a second factor" setting: the owner changes it, admins see it. */
export function SecondFactorPolicy({
  clinicId,
  required,
  membersWithout,
  isOwner,
}: {
  clinicId: string;
  required: boolean;
  membersWithout: number;
  isOwner: boolean;
}) {
  return (
    <>
      <h2 className="mb-1 text-lg font-semibold">Two-step sign-in</h2>
      <p className="mb-2 text-sm text-slate-700">
        {required
          ? "Required: every member signs in with a code from their phone as well as their password. Members without one are walked through setting it up when they next sign in, and can do nothing else until it is done."
          : "Not required: each member chooses. Requiring it means a stolen password alone cannot open your clinic's records."}
      </p>
      <p className="mb-3 text-sm text-slate-700">
        {membersWithout === 0
          ? "Every member has it set up."
          : `${membersWithout} ${membersWithout === 1 ? "member has" : "members have"} not set it up yet.`}
      </p>
      {isOwner ? (
        <ActionButton
          action={setSecondFactorPolicyAction.bind(null, clinicId)}
          fields={{ required: required ? "off" : "on" }}
          pendingText="Saving…"
          variant={required ? "secondary" : "primary"}
        >
          {required ? "Stop requiring two-step sign-in" : "Require two-step sign-in"}
        </ActionButton>
      ) : (
        <p className="text-sm text-slate-600">Only an owner can change this.</p>
      )}
    </>
  );
}
