import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { initialFormState, type FormState } from "@/lib/forms";

// A passkey ceremony in the browser: ask the server for options (a server action that keeps the challenge),
// let the browser and authenticator answer, send the answer to a second action that checks it. Both actions
// come through lib/actions.ts like every other; this only moves FormData and says what went wrong in words.
type Action<T> = (prev: FormState, formData: FormData) => Promise<FormState<T>>;
export type RegistrationOptionsAction = Action<{ options: PublicKeyCredentialCreationOptionsJSON }>;
export type AuthenticationOptionsAction = Action<{ options: PublicKeyCredentialRequestOptionsJSON }>;

export type CeremonyKind = "register" | "sign-in";

const NO_SUPPORT =
  "This browser cannot use passkeys. Use a current version of Chrome, Edge, Safari or Firefox, or sign in another way.";

/** What the member is told when the browser's side of a ceremony fails. */
export function ceremonyMessage(err: unknown, kind: CeremonyKind): string {
  const name = err instanceof Error ? err.name : "";
  const code = err instanceof WebAuthnError ? err.code : "";
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || (kind === "register" && name === "InvalidStateError")) {
    return "This device already holds a passkey for your account: there is no need to add it twice.";
  }
  if (code === "ERROR_INVALID_DOMAIN" || code === "ERROR_INVALID_RP_ID" || name === "SecurityError") {
    return "Your browser refused to use a passkey at this address. Passkeys work only at the portal's own address (a name such as localhost, not a number such as 127.0.0.1).";
  }
  if (name === "NotAllowedError" || name === "AbortError" || code === "ERROR_CEREMONY_ABORTED") {
    return kind === "register"
      ? "Adding the passkey was cancelled or timed out. Nothing was changed: try again when you are ready."
      : "The passkey request was cancelled or timed out, so you are not signed in. Try again, or use another way.";
  }
  return "Your browser could not use a passkey just now. Try again, or use another way.";
}

async function call<T>(action: Action<T>, fields: Record<string, string>): Promise<FormState<T>> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return action(initialFormState, form);
}

async function run<O, T>(
  kind: CeremonyKind,
  start: Action<{ options: O }>,
  ceremony: (options: O) => Promise<unknown>,
  finish: Action<T>,
  fields: Record<string, string>,
): Promise<FormState<T>> {
  if (!browserSupportsWebAuthn()) return { ok: false, message: NO_SUPPORT };
  const options = await call(start, {});
  if (!options.ok || !options.data) return { ...options, data: undefined };
  let answer;
  try {
    answer = await ceremony(options.data.options);
  } catch (err) {
    return { ok: false, message: ceremonyMessage(err, kind) };
  }
  return call(finish, { ...fields, response: JSON.stringify(answer) });
}

export function registerPasskey<T>(
  start: RegistrationOptionsAction,
  finish: Action<T>,
  fields: Record<string, string>,
): Promise<FormState<T>> {
  return run("register", start, (optionsJSON) => startRegistration({ optionsJSON }), finish, fields);
}

export function authenticateWithPasskey<T>(
  start: AuthenticationOptionsAction,
  finish: Action<T>,
  fields: Record<string, string>,
): Promise<FormState<T>> {
  return run("sign-in", start, (optionsJSON) => startAuthentication({ optionsJSON }), finish, fields);
}
