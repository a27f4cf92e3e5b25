import { requireMemberPage } from "@/lib/authz";
import { isManager } from "@/lib/member-context";
import { findMemberships, rememberClinic } from "@/lib/clinics/membership";
import { ClinicSwitcher } from "@/components/portal/clinic-switcher";
import { ClinicNav, type NavItem } from "@/components/portal/clinic-nav";

export default async function ClinicLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ clinicId: string }>;
}) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const [memberships] = await Promise.all([
    findMemberships(ctx.user.id, ctx.user.ssoClinicId),
    rememberClinic(ctx.user.id, clinicId),
  ]);
  const base = `/clinics/${clinicId}`;
  const items: NavItem[] = [
    { href: base, label: "Home", exact: true },
    { href: `${base}/guides`, label: "Library" },
    { href: `${base}/handouts`, label: "Handouts" },
    { href: `${base}/templates`, label: "Templates" },
    { href: `${base}/insights`, label: "Insights" },
    ...(isManager(ctx.role)
      ? [
          { href: `${base}/members`, label: "Members" },
          { href: `${base}/activity`, label: "Activity" },
          { href: `${base}/settings`, label: "Settings" },
        ]
      : []),
    { href: `${base}/profile`, label: "Profile" },
  ];
  return (
    <>
      {/* One landmark for the clinic's name (or switcher) and its pages, so nothing on the page is outside one. */}
      <nav aria-label="Clinic" className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 pt-2">
          <ClinicSwitcher current={ctx.clinic} clinics={memberships.map((m) => m.clinic)} />
          <ClinicNav items={items} />
        </div>
      </nav>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
