import Link from "next/link";
import { requireMemberPage, isManager } from "@/lib/authz";
import { ROLE_LABELS } from "@/lib/clinics/schemas";
import { Card, PageHeader } from "@/components/ui/card";

export default async function ClinicHomePage({ params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const base = `/clinics/${clinicId}`;
  const tiles = [
    { href: `${base}/handouts/new`, title: "New handout", text: "Pick a guide, choose the sections for this patient, add notes, print or send." },
    { href: `${base}/guides`, title: "Guide library", text: "Read the clinic's patient guides and pick sections for a handout." },
    { href: `${base}/handouts`, title: "Handouts", text: "Every handout the clinic gave out, exactly as the patient got it." },
    ...(isManager(ctx.role)
      ? [
          { href: `${base}/members`, title: "Members", text: "Invite colleagues, change roles, remove access." },
          { href: `${base}/activity`, title: "Activity", text: "Who signed in, invited, changed or generated what, and when." },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${ctx.user.name}`} description={`${ctx.clinic.name} · you are ${ROLE_LABELS[ctx.role].toLowerCase()}`} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map((t) => (
          <Card key={t.href}>
            <h2 className="text-lg font-semibold">
              <Link href={t.href} className="text-brand-700 underline-offset-2 hover:underline">
                {t.title}
              </Link>
            </h2>
            <p className="mt-1 text-slate-700">{t.text}</p>
          </Card>
        ))}
      </div>
    </>
  );
}
