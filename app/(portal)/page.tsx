import { redirect } from "next/navigation";
import Link from "next/link";
import { requireUser } from "@/lib/authz";
import { findMemberships, lastClinicOf } from "@/lib/clinics/membership";

// "/": straight to the clinic when there is one, or to the one used last; a chooser otherwise.
export default async function HomePage() {
  const user = await requireUser();
  const [memberships, last] = await Promise.all([
    findMemberships(user.id, user.ssoClinicId),
    user.ssoClinicId ?? lastClinicOf(user.id),
  ]);
  if (last) redirect(`/clinics/${last}`);
  if (memberships.length === 1) redirect(`/clinics/${memberships[0]!.clinic.id}`);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-10">
      <h1 className="mb-4 text-2xl font-semibold">Your clinics</h1>
      {memberships.length === 0 ? (
        <p className="text-slate-700">You are not a member of any clinic yet. Ask a clinic owner to invite you.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {memberships.map((m) => (
            <li key={m.clinic.id}>
              <Link
                href={`/clinics/${m.clinic.id}`}
                className="block px-4 py-3 font-medium text-brand-700 hover:bg-slate-50"
              >
                {m.clinic.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
