import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's App Router handler, with options built per request (they read the validated environment).
async function handler(req: NextRequest, ctx: Context) {
  return NextAuth(req, ctx, authOptions());
}

export { handler as GET, handler as POST };
