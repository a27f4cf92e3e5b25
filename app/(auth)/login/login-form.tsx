"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email or password is incorrect.",
  locked:
    "Too many failed attempts. For your security, sign-in to this account from this browser is paused for 15 minutes. You can reset your password instead.",
  address_locked: "Too many failed sign-ins from this network. Please wait 15 minutes and try again.",
  sso_required:
    "Your clinic signs in with single sign-on, so your password cannot be used here. Use “Sign in with single sign-on” below.",
  sso_required_owner:
    "Your clinic signs in with single sign-on. Owners can still use their password, but only with two-step sign-in: sign in with single sign-on, then set it up in your profile.",
};

export function LoginForm({
  callbackUrl,
  notice,
  defaultEmail,
}: {
  callbackUrl: string;
  notice?: string;
  defaultEmail: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string[]; password?: string[] }>({});
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const errs = {
      email: email ? undefined : ["Enter your email address."],
      password: password ? undefined : ["Enter your password."],
    };
    setFieldErrors(errs);
    setError(null);
    if (errs.email || errs.password) return;
    setPending(true);
    const res = await signIn("credentials", { email, password, redirect: false, callbackUrl });
    // A right password on an account with a second factor: the next step, which has its own page.
    const next =
      res?.error === "second_factor"
        ? "/login/second-factor"
        : res?.error === "enrol_second_factor"
          ? "/login/set-up-second-factor"
          : null;
    if (next) {
      router.push(`${next}?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      return;
    }
    if (!res || res.error) {
      setPending(false);
      setError(MESSAGES[res?.error ?? ""] ?? MESSAGES.CredentialsSignin!);
      return;
    }
    // A full navigation so every server component sees the new session cookie.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={error ? "login-error" : undefined}>
      {notice && !error && <Alert tone="success">{notice}</Alert>}
      {error && (
        <Alert tone="error" id="login-error">
          {error}
        </Alert>
      )}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={defaultEmail}
        errors={fieldErrors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
