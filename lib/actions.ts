import "server-only";
import { unstable_rethrow } from "next/navigation";
import { headers } from "next/headers";
import { originCheck } from "@/lib/http";
import type { z } from "zod";
import { requireMember } from "@/lib/authz";
import type { MemberContext } from "@/lib/member-context";
import { AppError } from "@/lib/errors";
import { fromError, invalid, type FormState } from "@/lib/forms";
import { requestInfo, type RequestInfo } from "@/lib/request-info";
import { idSchema } from "@/lib/ids";
import type { Role } from "@/lib/generated/prisma/client";

// Server actions are public endpoints that anyone can call with any arguments. Every one of them is built by
// one of the two wrappers below, which check who is calling (membership and role, once), parse everything
// the caller sent with zod (ids included), and turn expected failures (AppError) into form state; anything
// else reaches error.tsx. tests/unit/server-actions.test.ts fails when an exported action is not wrapped.
const WRAPPED = Symbol.for("handout-portal.server-action");

type Spec<S extends z.ZodType> = {
  schema: S;
  /** FormData to the object the schema parses; default: one string per field name. */
  read?: (formData: FormData) => unknown;
};

type Failure = FormState<never>;

function mark<F extends (...args: never[]) => unknown>(fn: F): F {
  return Object.assign(fn, { [WRAPPED]: true });
}

export function isWrappedAction(fn: unknown): boolean {
  return typeof fn === "function" && (fn as unknown as Record<symbol, unknown>)[WRAPPED] === true;
}

async function guarded<R>(formData: unknown, body: (formData: FormData) => Promise<R>): Promise<R | Failure> {
  const data = formData instanceof FormData ? formData : undefined;
  try {
    if (!data) throw new AppError("BAD_REQUEST", "The form could not be read. Reload the page and try again.");
    // Next checks the Origin against the Host; this also holds a configured APP_URL to be the only address.
    // Like Next, a request without an Origin is let through: every browser sends one with a POST, so it is
    // not a page acting with someone's cookies (and replays in the tests and benches send none).
    const h = await headers();
    const origin = h.get("origin") ? originCheck(h) : ({ ok: true } as const);
    if (!origin.ok) throw new AppError("FORBIDDEN", origin.message);
    return await body(data);
  } catch (err) {
    // redirect() and notFound() work by throwing; they must reach Next untouched.
    unstable_rethrow(err);
    return fromError(err, data);
  }
}

const readForm = (formData: FormData) =>
  Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith("$ACTION")));

/**
 * An action inside a clinic: `(clinicId, previousState, formData)`, bound to the clinic by the page
 * (`action.bind(null, clinicId)`). Other ids travel in the form and are parsed by `schema`.
 */
export function clinicAction<S extends z.ZodType, R extends FormState<unknown>>(
  spec: Spec<S> & { roles?: readonly Role[] },
  fn: (ctx: MemberContext, input: z.output<S>, formData: FormData) => Promise<R>,
) {
  return mark(async (clinicId: string, _prev: unknown, formData: FormData): Promise<R | Failure> =>
    guarded(formData, async (form) => {
      const id = idSchema.safeParse(clinicId);
      if (!id.success) throw new AppError("NOT_FOUND", "Not found.");
      // Signed out (idle time, or sign-out in another tab): the form says so and keeps what was typed.
      const ctx = await requireMember(id.data, { role: spec.roles, signedOut: "throw" });
      const parsed = spec.schema.safeParse((spec.read ?? readForm)(form));
      if (!parsed.success) return invalid(parsed.error, form);
      return fn(ctx, parsed.data, form);
    }),
  );
}

/** An action anyone may call (sign-up, password reset): `(previousState, formData)`. */
export function publicAction<S extends z.ZodType, R extends FormState<unknown>>(
  spec: Spec<S>,
  fn: (info: RequestInfo, input: z.output<S>, formData: FormData) => Promise<R>,
) {
  return mark(async (_prev: unknown, formData: FormData): Promise<R | Failure> =>
    guarded(formData, async (form) => {
      const parsed = spec.schema.safeParse((spec.read ?? readForm)(form));
      if (!parsed.success) return invalid(parsed.error, form);
      return fn(await requestInfo(), parsed.data, form);
    }),
  );
}
