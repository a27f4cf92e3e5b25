import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "@/lib/accounts/passwords";
import { clearFailures, isLocked, recordFailure } from "@/lib/accounts/throttle";
import { ABSOLUTE_TIMEOUT_MS, createAuthSession, endAuthSession } from "@/lib/accounts/sessions";
import { recordAudit } from "@/lib/audit/mutations";
import { safeCallbackPath } from "@/lib/safe-redirect";

// Error codes the sign-in form maps to messages. The same code for unknown emails and wrong passwords.
export const SIGN_IN_ERRORS = { invalid: "CredentialsSignin", locked: "locked" } as const;

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(1024) });

function clientInfo(headers: Record<string, unknown> | undefined) {
  const h = headers ?? {};
  const forwarded = typeof h["x-forwarded-for"] === "string" ? h["x-forwarded-for"].split(",")[0]?.trim() : undefined;
  return {
    ip: forwarded || (typeof h["x-real-ip"] === "string" ? h["x-real-ip"] : null),
    userAgent: typeof h["user-agent"] === "string" ? h["user-agent"].slice(0, 400) : null,
  };
}

// Built on first use, not at import, so `next build` needs no configuration.
export const authOptions = (): NextAuthOptions => ({
  secret: env().NEXTAUTH_SECRET,
  // The JWT lives at most the absolute session length; the idle timeout is enforced on the server (AuthSession).
  session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  useSecureCookies: env().APP_URL.startsWith("https://"),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const info = clientInfo(req?.headers);
        const user = await db.user.findUnique({ where: { email } });
        if (await isLocked(email)) {
          await recordAudit({ action: "auth.sign_in_locked", actorId: user?.id ?? null, metadata: { email }, ...info });
          throw new Error(SIGN_IN_ERRORS.locked);
        }
        const ok = await verifyPassword(user && !user.disabledAt ? user.passwordHash : null, password);
        if (!ok || !user) {
          const { locked } = await recordFailure(email);
          await recordAudit({ action: "auth.sign_in_failed", actorId: user?.id ?? null, metadata: { email, locked }, ...info });
          return null;
        }
        await clearFailures(email);
        const session = await createAuthSession(user.id, info.ip, info.userAgent);
        await recordAudit({ action: "auth.sign_in", actorId: user.id, targetType: "session", targetId: session.id, ...info });
        return { id: user.id, email: user.email, name: user.name, sid: session.id, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; sid: string; sv: number };
        token.uid = u.id;
        token.sid = u.sid;
        token.sv = u.sv;
      }
      return token;
    },
    session({ session }) {
      // Only what the client needs; identity for server code comes from requireUser().
      return { ...session, user: { name: session.user?.name, email: session.user?.email } };
    },
    redirect({ url, baseUrl }) {
      return baseUrl + safeCallbackPath(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") {
        await endAuthSession(token.sid);
        await recordAudit({ action: "auth.sign_out", actorId: typeof token.uid === "string" ? token.uid : null, targetType: "session", targetId: token.sid });
      }
    },
  },
});
