// Why a single sign-on did not sign anyone in: the code travels to the sign-in page in its address
// (/login/sso?error=…), which shows the sentence; the audit event keeps the code.
export const SSO_REFUSALS = {
  no_flow:
    "This sign-in was not started in this browser, or it took longer than 10 minutes, so nobody was signed in. Start again below.",
  state_mismatch:
    "The answer from the identity provider did not belong to the sign-in started here (its state or nonce was wrong), so nobody was signed in. Start again below.",
  provider_error: "Your identity provider did not sign you in. Start again below, or ask your clinic's IT team.",
  code_rejected:
    "Your identity provider refused the sign-in code: it had expired or was already used. Start again below.",
  token_invalid:
    "The identity provider's answer could not be verified, so nobody was signed in. Ask your clinic's owner to check the single sign-on settings.",
  provider_unreachable: "Your clinic's identity provider could not be reached. Try again in a few minutes.",
  not_configured: "This clinic no longer signs in with single sign-on. Sign in with your email and password.",
  email_missing:
    "Your identity provider did not give your email address. Ask your clinic's IT team to include it (the email scope).",
  email_unverified:
    "Your identity provider has not verified your email address, so it cannot be used to sign in here. Ask your clinic's IT team.",
  domain_not_allowed:
    "Your identity provider signed you in with an email address outside the domains this clinic's single sign-on may speak for, so nobody was signed in.",
  not_member:
    "Your account is not a member of this clinic. Ask its owner for an invite and accept it with your password; after that, single sign-on works.",
  no_invite: "There is no account for your address at this clinic. Ask the clinic's owner for an invite.",
  disabled: "This account is turned off. Ask your clinic's owner.",
  other_person:
    "Your address is linked to a different person at your identity provider, so nobody was signed in. Ask your clinic's owner.",
} as const;

export type SsoRefusal = keyof typeof SSO_REFUSALS;

export const isSsoRefusal = (code: unknown): code is SsoRefusal =>
  typeof code === "string" && Object.hasOwn(SSO_REFUSALS, code);
