// `npm run ehr:dev`: the test EHR (tests/support/test-ehr.ts) on a fixed port for trying the portal's SMART
// launch by hand. It registers one client for the portal and prints where everything is.
//   EHR_PORT          default 4010
//   APP_URL           the portal, default http://localhost:3000
//   EHR_CLIENT_ID     default handout-portal
//   EHR_LAUNCH_PATH   the portal's SMART launch route, default /ehr/launch
//   EHR_REDIRECT_PATH the portal's redirect URI path, default /ehr/callback
//   EHR_JWKS_URI      the portal's public keys (private_key_jwt), default APP_URL/.well-known/jwks.json
//   EHR_CLIENT_SECRET use client_secret_basic with this secret instead of private_key_jwt
import { startTestEhr } from "./test-ehr";

const env = (name: string, fallback: string) => process.env[name] || fallback;
const appUrl = env("APP_URL", "http://localhost:3000").replace(/\/$/, "");
const clientId = env("EHR_CLIENT_ID", "handout-portal");
const launchUrl = appUrl + env("EHR_LAUNCH_PATH", "/ehr/launch");
const redirectUri = appUrl + env("EHR_REDIRECT_PATH", "/ehr/callback");
const secret = env("EHR_CLIENT_SECRET", "");
const jwksUri = env("EHR_JWKS_URI", `${appUrl}/.well-known/jwks.json`);

const ehr = await startTestEhr({ port: Number(env("EHR_PORT", "4010")), appLaunchUrl: launchUrl });
ehr.registerClient(
  secret
    ? { clientId, redirectUris: [redirectUri], clientSecret: secret }
    : { clientId, redirectUris: [redirectUri], jwksUri },
);
const origin = new URL(ehr.issuer).origin;
const s = ehr.seeded;
console.log(`Test EHR (SMART App Launch 2.x, FHIR R4, in memory: restarting forgets everything)

  FHIR base (iss, aud)   ${ehr.issuer}
  SMART discovery        ${ehr.issuer}/.well-known/smart-configuration
  authorization server   ${ehr.authServer}
  client                 ${clientId} (${secret ? "client_secret_basic" : `private_key_jwt, keys from ${jwksUri}`})
  redirect URI           ${redirectUri}

  EHR launch             open ${origin}/ and pick a patient (each click is a fresh launch of ${launchUrl})
  standalone sign-in     ${ehr.login.username} / ${ehr.login.password} (Practitioner/${s.practitionerId});
                         ${ehr.otherLogin.username} / ${ehr.otherLogin.password} (Practitioner/${s.otherPractitionerId}, for "not linked")

  Practitioner/${s.practitionerId}   Dr. Ana Rivera
  Patient/${s.patientId}   Maja Lindqvist, active Condition/${s.conditionId} (ICD-10-CM M62.830, SNOMED CT 203095000)
  Encounter/${s.encounterId}
  Patient/${s.patientNoConditionsId}   Omar Haddad, no conditions

Ctrl-C stops it.`);

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void ehr.stop().then(() => process.exit(0)));
