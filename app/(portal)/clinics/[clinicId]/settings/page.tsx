import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/authz";
import { MANAGERS } from "@/lib/member-context";
import { getBranding } from "@/lib/clinics/branding";
import { Card, PageHeader } from "@/components/ui/card";
import { BrandingForm } from "./_components/branding-form";
import { LogoForm } from "./_components/logo-form";
import { SecondFactorPolicy } from "./_components/second-factor-policy";
import { countMembersWithoutSecondFactor, findSecondFactorPolicy } from "@/lib/clinics/second-factor-policy";
import { findSsoSummary } from "@/lib/sso/settings";
import { SingleSignOnSummary } from "./sso/_components/sso-summary";
import { EhrSummary } from "./ehr/_components/ehr-summary";
import { findEhrSettings } from "@/lib/ehr/connection";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function SettingsPage({ params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId, { role: MANAGERS });
  const [{ clinic, logo }, required, membersWithout, sso, ehr] = await Promise.all([
    getBranding(ctx),
    findSecondFactorPolicy(ctx),
    countMembersWithoutSecondFactor(ctx),
    findSsoSummary(ctx),
    findEhrSettings(ctx),
  ]);
  const logoUrl = logo ? `/clinics/${clinicId}/logo?v=${logo.sha256.slice(0, 12)}` : null;
  return (
    <>
      <PageHeader
        title="Clinic settings"
        description="Your clinic's look and contact details on every handout. Changes apply to handouts generated afterwards."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <BrandingForm
            clinicId={clinicId}
            logoUrl={logoUrl}
            initial={{
              name: clinic.name,
              primaryColor: clinic.primaryColor,
              accentColor: clinic.accentColor,
              phone: clinic.phone ?? "",
              email: clinic.email ?? "",
              address: clinic.address ?? "",
              website: clinic.website ?? "",
              hours: clinic.hours ?? "",
              pageSize: clinic.pageSize,
              notesPosition: clinic.notesPosition,
              extraDisclaimer: clinic.extraDisclaimer ?? "",
              linksByDefault: clinic.linksByDefault,
              linkDays: String(clinic.linkDays),
              reviewMonths: String(clinic.reviewMonths),
              defaultLanguage: clinic.defaultLanguage,
              defaultLevel: clinic.defaultLevel,
            }}
          />
        </Card>
        <div className="grid content-start gap-6">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Logo</h2>
            <LogoForm clinicId={clinicId} logoUrl={logoUrl} />
          </Card>
          <Card>
            <SecondFactorPolicy
              clinicId={clinicId}
              required={required}
              membersWithout={membersWithout}
              isOwner={ctx.role === "OWNER"}
            />
          </Card>
          <Card>
            <SingleSignOnSummary clinicId={clinicId} summary={sso} isOwner={ctx.role === "OWNER"} />
          </Card>
          <Card>
            <EhrSummary clinicId={clinicId} fhirBaseUrl={ehr?.fhirBaseUrl ?? null} isOwner={ctx.role === "OWNER"} />
          </Card>
        </div>
      </div>
    </>
  );
}
