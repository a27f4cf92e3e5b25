// Why a launch from the EHR signed nobody in, with the sentence the page shows (app/(auth)/ehr/refused).
export const LAUNCH_REFUSALS = {
  not_configured:
    "This EHR is not connected to a clinic in the portal. Ask the clinic's owner to connect it in Settings.",
  iss_mismatch:
    "The launch came from a FHIR server this clinic has not connected. Ask the clinic's owner to check the FHIR base URL in Settings → EHR.",
  no_flow:
    "This sign-in from the EHR was not started in this browser, or it took more than 10 minutes. Launch the portal from the EHR again.",
  state_mismatch: "The answer from the EHR did not match the launch it started. Launch the portal from the EHR again.",
  ehr_unreachable: "The EHR could not be reached. Try again in a few minutes.",
  ehr_error:
    "The EHR refused the sign-in. Launch the portal from the EHR again; if it keeps happening, ask the clinic's owner to check the EHR connection.",
  no_user: "The EHR did not say who you are (no fhirUser), so the portal cannot sign you in.",
  no_patient: "The EHR did not say which patient is open. Open a patient's chart, then launch the portal from it.",
  not_member:
    "Your EHR user is linked to a portal account that is not a member of this clinic. Ask the clinic's owner for an invitation.",
  link_expired: "Linking your EHR user took too long or was already done. Launch the portal from the EHR again.",
} as const;

export type LaunchRefusal = keyof typeof LAUNCH_REFUSALS;

export const isLaunchRefusal = (v: unknown): v is LaunchRefusal => typeof v === "string" && v in LAUNCH_REFUSALS;
