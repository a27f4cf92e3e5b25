import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/authz";
import { SSO_SCOPE } from "@/lib/sso/provider";
import { findSsoSettings, ssoRedirectUri } from "@/lib/sso/settings";
import { ConnectionPage, RegistrationValue } from "@/components/portal/connection-page";
import { SsoSettingsForm } from "./_components/sso-settings-form";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SingleSignOnSettingsPage({ params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId, { role: ["OWNER"] });
  const settings = await findSsoSettings(ctx);
  const initial = {
    issuer: settings?.issuer ?? "",
    clientId: settings?.clientId ?? "",
    domains: settings?.domains.join("\n") ?? "",
    enabled: settings?.enabled ?? true,
    allowJit: settings?.allowJit ?? false,
    requireSso: settings?.requireSso ?? false,
  };
  return (
    <ConnectionPage
      clinicId={clinicId}
      title="Single sign-on"
      description="Members sign in through your organisation's identity provider (OpenID Connect), so leaving the organisation ends their access here too."
      form={<SsoSettingsForm clinicId={clinicId} initial={initial} hasSecret={!!settings} />}
      aside={
        <>
          <h2 className="mb-3 text-lg font-semibold">At your identity provider</h2>
          <p className="mb-2 text-sm text-slate-700">
            Register the portal as a confidential web application (authorization code flow) with:
          </p>
          <dl className="mb-4 space-y-2 text-sm">
            <RegistrationValue label="Redirect URI" value={ssoRedirectUri()} />
            <RegistrationValue label="Scopes" value={SSO_SCOPE} />
            <div>
              <dt className="font-medium">Client authentication</dt>
              <dd>Client secret (HTTP Basic), PKCE with S256</dd>
            </div>
          </dl>
          <p className="mb-2 text-sm text-slate-700">
            The provider must send the person&apos;s email with{" "}
            <code className="rounded bg-slate-100 px-1">email_verified</code> set to true; an unverified address is
            refused.
          </p>
          <p className="text-sm text-slate-700">
            Only SAML? Connect it through an OpenID Connect bridge such as Keycloak, Okta or Microsoft Entra ID; the
            README explains how.
          </p>
        </>
      }
    />
  );
}
