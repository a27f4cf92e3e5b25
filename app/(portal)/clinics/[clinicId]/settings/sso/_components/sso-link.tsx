import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** On the settings page, for owners: how members sign in is set on its own page. */
export function SingleSignOnLink({ clinicId }: { clinicId: string }) {
  return (
    <Link href={`/clinics/${clinicId}/settings/sso`} className={buttonClass("secondary")}>
      Single sign-on
    </Link>
  );
}
