import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requestInfo } from "@/lib/request-info";
import { ehrCookieOptions, launchCookieName } from "@/lib/ehr/flow-cookie";
import { startLaunch } from "@/lib/ehr/launch-start";

export const dynamic = "force-dynamic";

// The launch URL registered in the clinic's EHR (SMART App Launch): the EHR opens it with `iss` and `launch`;
// opened with neither (from Settings), it is a standalone launch where the EHR asks for the patient.
export async function GET(req: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await params;
  const q = new URL(req.url).searchParams;
  const started = await startLaunch(
    connectionId.slice(0, 64),
    { iss: q.get("iss"), launch: q.get("launch") },
    await requestInfo(),
  );
  if (!started.ok) redirect(`/ehr/refused?reason=${started.reason}`);
  (await cookies()).set(launchCookieName(), started.flowCookie, ehrCookieOptions());
  redirect(started.url);
}
