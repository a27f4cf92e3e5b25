import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { findEhrSettings } from "@/lib/ehr/connection";
import { Card, PageHeader } from "@/components/ui/card";
import { EhrSettingsForm } from "./_components/ehr-settings-form";

export const metadata: Metadata = { title: "EHR connection" };

function Copyable({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="font-medium">{label}</dt>
      <dd>
        <code className="rounded bg-slate-100 px-1 break-all">{value}</code>
      </dd>
    </div>
  );
}

export default async function EhrSettingsPage({ params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId, { role: ["OWNER"] });
  const settings = await findEhrSettings(ctx);
  const initial = {
    fhirBaseUrl: settings?.fhirBaseUrl ?? "",
    clientId: settings?.clientId ?? "",
    authMethod: settings?.authMethod ?? "private_key_jwt",
    preparedFor: settings?.preparedFor ?? "initials",
  };
  return (
    <>
      <PageHeader
        title="EHR connection"
        description="Open the portal from your EHR with the patient in context (SMART on FHIR), and file each handout to the patient's chart."
        actions={
          <Link href={`/clinics/${clinicId}/settings`} className="text-sm font-medium text-brand-700 underline">
            Back to clinic settings
          </Link>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <EhrSettingsForm clinicId={clinicId} initial={initial} hasSecret={settings?.hasSecret ?? false} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">In your EHR</h2>
          {settings ? (
            <>
              <p className="mb-2 text-sm text-slate-700">Register the portal as a confidential SMART app with:</p>
              <dl className="mb-4 space-y-2 text-sm">
                <Copyable label="Launch URL" value={settings.launchUrl} />
                <Copyable label="Redirect URI" value={settings.redirectUri} />
                <Copyable label="Key set (JWKS) URL" value={settings.jwksUrl} />
                <Copyable
                  label="Scopes"
                  value="launch launch/patient openid fhirUser offline_access patient/Patient.rs patient/Condition.rs patient/DocumentReference.cru patient/Communication.cr"
                />
              </dl>
              <p className="text-sm text-slate-700">
                Then each clinician launches the portal from a patient&apos;s chart once while signed in to the portal,
                to link their EHR user to their account.{" "}
                <Link href={settings.launchUrl} className="font-medium text-brand-700 underline">
                  Open a patient from the EHR
                </Link>{" "}
                starts from here instead (standalone launch).
              </p>
            </>
          ) : (
            <p className="text-sm text-slate-700">
              Save the connection first: the launch URL, redirect URI and the portal&apos;s key set URL to register
              appear here.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
