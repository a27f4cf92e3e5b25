import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** On the settings page: whether the clinic's EHR is connected; the owner changes it on its own page. */
export function EhrSummary({
  clinicId,
  fhirBaseUrl,
  isOwner,
}: {
  clinicId: string;
  fhirBaseUrl: string | null;
  isOwner: boolean;
}) {
  return (
    <>
      <h2 className="mb-1 text-lg font-semibold">EHR connection</h2>
      <p className="mb-3 text-sm text-slate-700">
        {fhirBaseUrl
          ? `Connected to ${new URL(fhirBaseUrl).host}: the portal opens from the EHR with the patient in context and files handouts to the chart.`
          : "Not connected. Connect your EHR (SMART on FHIR) to open the portal from a patient's chart and file each handout there."}
      </p>
      {isOwner ? (
        <Link href={`/clinics/${clinicId}/settings/ehr`} className={buttonClass(fhirBaseUrl ? "secondary" : "primary")}>
          {fhirBaseUrl ? "Change EHR connection" : "Connect your EHR"}
        </Link>
      ) : (
        <p className="text-sm text-slate-600">Only an owner can change this.</p>
      )}
    </>
  );
}
