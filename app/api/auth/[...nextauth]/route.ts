import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions, type SignInOutcome } from "@/lib/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's App Router handler, with options built per request (they read the validated environment);
// a successful sign-in adds the known-device cookie (lib/accounts/known-devices.ts) to the response.
async function handler(req: NextRequest, ctx: Context) {
  const outcome: SignInOutcome = { setCookies: [] };
  const res: Response = await NextAuth(req, ctx, authOptions(outcome));
  for (const cookie of outcome.setCookies) res.headers.append("Set-Cookie", cookie);
  return res;
}

export { handler as GET, handler as POST };
