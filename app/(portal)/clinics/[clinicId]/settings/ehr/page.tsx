import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { findEhrSettings } from "@/lib/ehr/connection";
import { REGISTERED_SCOPES } from "@/lib/ehr/smart-config";
import { ConnectionPage, RegistrationValue } from "@/components/portal/connection-page";
import { EhrSettingsForm } from "./_components/ehr-settings-form";

export const metadata: Metadata = { title: "EHR connection" };

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
    <ConnectionPage
      clinicId={clinicId}
      title="EHR connection"
      description="Open the portal from your EHR with the patient in context (SMART on FHIR), and file each handout to the patient's chart."
      form={<EhrSettingsForm clinicId={clinicId} initial={initial} hasSecret={settings?.hasSecret ?? false} />}
      aside={
        <>
          <h2 className="mb-3 text-lg font-semibold">In your EHR</h2>
          {settings ? (
            <>
              <p className="mb-2 text-sm text-slate-700">Register the portal as a confidential SMART app with:</p>
              <dl className="mb-4 space-y-2 text-sm">
                <RegistrationValue label="Launch URL" value={settings.launchUrl} />
                <RegistrationValue label="Redirect URI" value={settings.redirectUri} />
                <RegistrationValue label="Key set (JWKS) URL" value={settings.jwksUrl} />
                <RegistrationValue label="Scopes" value={REGISTERED_SCOPES} />
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
        </>
      }
    />
  );
}
