// What the test EHR says about itself: SMART's .well-known/smart-configuration and a FHIR R4
// CapabilityStatement (fhir-router has no /metadata route of its own).
import { ADVERTISED_SCOPES } from "./smart-scopes";

export function smartConfiguration(authServer: string) {
  return {
    issuer: authServer,
    jwks_uri: `${authServer}/jwks`,
    authorization_endpoint: `${authServer}/auth`,
    token_endpoint: `${authServer}/token`,
    introspection_endpoint: `${authServer}/token/introspection`,
    revocation_endpoint: `${authServer}/token/revocation`,
    token_endpoint_auth_methods_supported: ["private_key_jwt", "client_secret_basic", "client_secret_post"],
    token_endpoint_auth_signing_alg_values_supported: ["RS384", "ES384", "RS256", "ES256"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: ADVERTISED_SCOPES,
    capabilities: [
      "launch-ehr",
      "launch-standalone",
      "client-public",
      "client-confidential-asymmetric",
      "client-confidential-symmetric",
      "context-ehr-patient",
      "context-ehr-encounter",
      "context-standalone-patient",
      "context-banner",
      "permission-offline",
      "permission-online",
      "permission-patient",
      "permission-user",
      "permission-v1",
      "permission-v2",
      "sso-openid-connect",
    ],
  };
}

const RESOURCES = ["Patient", "Condition", "Encounter", "Practitioner", "DocumentReference", "Communication", "Binary"];

export function capabilityStatement(fhirBase: string, authServer: string) {
  const uri = (url: string, valueUri: string) => ({ url, valueUri });
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-12-08",
    kind: "instance",
    fhirVersion: "4.0.1",
    format: ["json"],
    implementation: { description: "Handout portal test EHR", url: fhirBase },
    rest: [
      {
        mode: "server",
        security: {
          service: [
            {
              coding: [
                { system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" },
              ],
            },
          ],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                uri("authorize", `${authServer}/auth`),
                uri("token", `${authServer}/token`),
                uri("revoke", `${authServer}/token/revocation`),
              ],
            },
          ],
        },
        resource: RESOURCES.map((type) => ({
          type,
          interaction: ["read", "search-type", "create", "update"].map((code) => ({ code })),
          conditionalCreate: true,
        })),
        interaction: [{ code: "transaction" }, { code: "batch" }],
      },
    ],
  };
}
