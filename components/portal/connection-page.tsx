import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";

/**
 * A settings page that connects the clinic to another system (single sign-on, the EHR): the form, and beside
 * it what to register at the other end.
 */
export function ConnectionPage({
  clinicId,
  title,
  description,
  form,
  aside,
}: {
  clinicId: string;
  title: string;
  description: string;
  form: React.ReactNode;
  aside: React.ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <Link href={`/clinics/${clinicId}/settings`} className="text-sm font-medium text-brand-700 underline">
            Back to clinic settings
          </Link>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>{form}</Card>
        <Card>{aside}</Card>
      </div>
    </>
  );
}

/** One value to copy into the other system (a URL, the scopes), in the aside's list. */
export function RegistrationValue({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="font-medium">{label}</dt>
      <dd>
        <code className="rounded bg-slate-100 px-1 break-all">{value}</code>
      </dd>
    </div>
  );
}
