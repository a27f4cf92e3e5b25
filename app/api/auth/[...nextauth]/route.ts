import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { errorResponse } from "@/lib/http";
import { readBody } from "@/lib/server/request-body";
import { authOptions, type SignInOutcome } from "@/lib/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

// A sign-in, sign-out or CSRF form: an email, a password (at most 128 characters) and a few tokens.
const MAX_AUTH_BODY = 16 * 1024;

// next-auth's App Router handler, with options built per request (they read the validated environment);
// a successful sign-in adds the known-device cookie (lib/accounts/known-devices.ts) to the response.
async function handler(req: NextRequest, ctx: Context) {
  const outcome: SignInOutcome = { setCookies: [] };
  let bounded = req;
  if (req.method === "POST") {
    // next-auth reads the body whole (req.text()/json()); it gets it from memory, read within the limit.
    try {
      bounded = new NextRequest(req.url, {
        method: "POST",
        headers: req.headers,
        body: await readBody(req, MAX_AUTH_BODY),
      });
    } catch (err) {
      return errorResponse(err);
    }
  }
  const res: Response = await NextAuth(bounded, ctx, authOptions(outcome));
  for (const cookie of outcome.setCookies) res.headers.append("Set-Cookie", cookie);
  return res;
}

export { handler as GET, handler as POST };
