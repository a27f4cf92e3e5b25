import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { isLaunchRefusal, LAUNCH_REFUSALS } from "@/lib/ehr/refusals";

export const metadata: Metadata = { title: "Opening from the EHR" };

// Where a launch that signed nobody in ends: the reason in the portal's own words (never the EHR's text).
export default async function EhrRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const message = isLaunchRefusal(reason) ? LAUNCH_REFUSALS[reason] : LAUNCH_REFUSALS.ehr_error;
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">The portal could not open from the EHR</h1>
      <Alert tone="warning">{message}</Alert>
      <p className="text-sm text-slate-700">Nobody was signed in and nothing was saved.</p>
    </>
  );
}
