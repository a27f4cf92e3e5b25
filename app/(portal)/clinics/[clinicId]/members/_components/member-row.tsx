"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { ROLE_LABELS } from "@/lib/clinics/schemas";
import { changeRoleAction, removeMemberAction } from "../actions";
import { ResetSecondFactor } from "./reset-second-factor";

type Member = {
  id: string;
  role: "OWNER" | "ADMIN" | "CLINICIAN";
  name: string;
  email: string;
  isSelf: boolean;
  hasSecondFactor: boolean;
};

export function MemberRow({
  clinicId,
  member,
  canManageOwners,
  isLastOwner,
}: {
  clinicId: string;
  member: Member;
  canManageOwners: boolean;
  isLastOwner: boolean;
}) {
  const [roleState, roleAction] = useActionState(changeRoleAction.bind(null, clinicId), initialFormState);
  const [removeState, removeAction] = useActionState(removeMemberAction.bind(null, clinicId), initialFormState);
  const locked = member.role === "OWNER" && !canManageOwners;
  const message = roleState.message ?? removeState.message;
  const failed = (roleState.message && !roleState.ok) || (removeState.message && !removeState.ok);
  const selectId = `role-${member.id}`;
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium">
            {member.name} {member.isSelf && <span className="text-sm font-normal text-slate-600">(you)</span>}
          </p>
          <p className="truncate text-sm text-slate-700">{member.email}</p>
          <p className="text-sm text-slate-700">Two-step sign-in: {member.hasSecondFactor ? "on" : "off"}</p>
        </div>
        {locked ? (
          <p className="text-sm text-slate-700">{ROLE_LABELS[member.role]}</p>
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            <form action={roleAction} className="flex items-center gap-2">
              <input type="hidden" name="membershipId" value={member.id} />
              <label htmlFor={selectId} className="sr-only">
                Role for {member.name}
              </label>
              <select
                id={selectId}
                name="role"
                defaultValue={member.role}
                className="rounded-md border border-slate-400 bg-white px-2 py-2 text-sm"
              >
                <option value="CLINICIAN">Clinician</option>
                <option value="ADMIN">Admin</option>
                {canManageOwners && <option value="OWNER">Owner</option>}
              </select>
              <SubmitButton variant="secondary" pendingText="Saving…">
                Save role
              </SubmitButton>
            </form>
            <form
              action={removeAction}
              onSubmit={(e) => {
                if (!confirm(`Remove ${member.name} from the clinic?`)) e.preventDefault();
              }}
            >
              <input type="hidden" name="membershipId" value={member.id} />
              <SubmitButton variant="danger" pendingText="Removing…">
                Remove<span className="sr-only"> {member.name}</span>
              </SubmitButton>
            </form>
          </div>
        )}
      </div>
      {!member.isSelf && !locked && (
        <ResetSecondFactor
          clinicId={clinicId}
          membershipId={member.id}
          name={member.name}
          hasSecondFactor={member.hasSecondFactor}
        />
      )}
      {isLastOwner && !message && (
        <p className="mt-1 text-sm text-slate-600">The only owner: add another owner before changing this role.</p>
      )}
      {message && (
        <p
          role={failed ? "alert" : "status"}
          className={`mt-1 text-sm font-medium ${failed ? "text-red-800" : "text-green-800"}`}
        >
          {message}
        </p>
      )}
    </li>
  );
}
