import { ClearBuilderBackup } from "@/components/handouts/clear-builder-backup";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireMemberPage } from "@/lib/authz";
import { isAppError } from "@/lib/errors";
import { findNewerGuideChanges, viewHandout } from "@/lib/handouts/queries";
import { findDeliveries } from "@/lib/deliveries/queries";
import { SendForm } from "./_components/send-form";
import { DeliveryList } from "./_components/delivery-list";
import { getGuideVersion } from "@/lib/guides/library/versions";
import { StoredPdfPages } from "@/components/pdf/stored-pdf-pages";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { canWithdrawHandout } from "@/lib/handouts/withdraw-rule";
import { memberName } from "@/lib/clinics/queries";
import { VoidForm } from "./_components/void-form";
import { LinkPanel } from "./_components/link-panel";
import { ChartPanel } from "./_components/chart-panel";
import { findChartFilings } from "@/lib/ehr/chart-status";
import { hasEhr } from "@/lib/ehr/connection";

export const metadata: Metadata = { title: "Handout" };

function formatBytes(n: number) {
  return n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export default async function HandoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string; handoutId: string }>;
  searchParams: Promise<{ generated?: string; emailed?: string }>;
}) {
  const { clinicId, handoutId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const handout = await viewHandout(ctx, handoutId).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const [version, newer, deliveries, filings, ehr] = await Promise.all([
    getGuideVersion(clinicId, handout.guideVersion.id),
    findNewerGuideChanges(handout),
    findDeliveries(ctx, handout.id),
    findChartFilings(ctx, handout.id),
    hasEhr(clinicId),
  ]);
  const byKey = new Map(version.sections.map((s) => [s.key, s]));
  const printed = handout.sectionKeys.map((k) => byKey.get(k)).filter((s): s is NonNullable<typeof s> => !!s);
  const base = `/clinics/${clinicId}/handouts`;
  const { generated, emailed } = await searchParams;
  const canWithdraw = canWithdrawHandout(ctx, handout);
  const voidedBy = handout.void ? await memberName(handout.void.voidedById) : null;

  return (
    <>
      <PageHeader
        title={handout.title}
        description={handout.preparedFor ? `Prepared for ${handout.preparedFor}` : undefined}
        actions={
          <>
            <a
              href={`${base}/${handout.id}/pdf?print=1`}
              target="_blank"
              rel="noopener"
              className={buttonClass("primary")}
            >
              Print
            </a>
            <a href={`${base}/${handout.id}/pdf`} className={buttonClass("secondary")} download>
              Download PDF
            </a>
            <a href={`${base}/${handout.id}/fhir`} className={buttonClass("secondary")} download>
              Download for the chart
            </a>
            <Link href={`${base}/new?from=${handout.id}`} className={buttonClass("secondary")}>
              Duplicate and edit
            </Link>
          </>
        }
      />
      {handout.void && (
        <Alert tone="error">
          <p className="font-semibold">This handout is void.</p>
          <p>
            {voidedBy ?? "A member"} voided it on{" "}
            {handout.void.createdAt.toLocaleString("en-US", { dateStyle: "long", timeStyle: "short" })}: “
            {handout.void.reason}”. It stays on record as it was given, and cannot be emailed.
          </p>
        </Alert>
      )}
      {generated === "1" && <ClearBuilderBackup clinicId={clinicId} />}
      {generated === "1" && !handout.void && (
        <Alert tone="success">
          The handout was generated and saved.{" "}
          <a
            href={`${base}/${handout.id}/pdf?print=1`}
            target="_blank"
            rel="noopener"
            className="font-semibold underline"
          >
            Print it
          </a>{" "}
          or email it below.
        </Alert>
      )}
      {emailed === "1" && (
        <Alert tone="success">The handout was generated and its email is queued. Its status updates below.</Alert>
      )}
      {newer && (
        <Alert tone="warning">
          The guide has a newer version ({newer.version}) that changed{" "}
          {newer.changed.length === 1 ? "a section" : `${newer.changed.length} sections`} in this handout:{" "}
          {newer.changed.map((c) => `${c.title}${c.removed ? " (removed)" : ""}`).join(", ")}. This handout keeps the
          text the patient was given. Use “Duplicate and edit” to make one from the newest version.
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Details</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-700">Generated by</dt>
            <dd>
              {handout.author.name}
              {handout.author.credentials ? `, ${handout.author.credentials}` : ""}
            </dd>
            <dt className="text-slate-700">When</dt>
            <dd>
              <time dateTime={handout.createdAt.toISOString()}>
                {handout.createdAt.toLocaleString("en-US", { dateStyle: "long", timeStyle: "short" })}
              </time>
            </dd>
            <dt className="text-slate-700">Guide</dt>
            <dd>
              <Link
                href={`/clinics/${clinicId}/guides/${handout.guideVersion.guideId}?version=${handout.guideVersion.version}`}
                className="text-brand-700 underline"
              >
                {handout.guideVersion.title}, version {handout.guideVersion.version}
              </Link>
            </dd>
            {handout.templateName && (
              <>
                <dt className="text-slate-700">Template</dt>
                <dd>{handout.templateName}</dd>
              </>
            )}
            <dt className="text-slate-700">Sections</dt>
            <dd>{printed.map((s) => s.title).join(", ")}</dd>
            {handout.followUpDate && (
              <>
                <dt className="text-slate-700">Follow-up</dt>
                <dd>{handout.followUpDate.toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })}</dd>
              </>
            )}
            <dt className="text-slate-700">PDF</dt>
            <dd>
              {handout.pdf
                ? `${handout.pdf.pages} page${handout.pdf.pages === 1 ? "" : "s"}, ${formatBytes(handout.pdf.size)}, ${handout.options.pageSize === "A4" ? "A4" : "US Letter"}${handout.options.largePrint ? ", large print" : ""}`
                : "missing"}
            </dd>
            <dt className="text-slate-700">Checksum</dt>
            <dd className="font-mono text-xs break-all">{handout.pdf?.sha256}</dd>
          </dl>
          {!handout.void && (
            <>
              <h2 className="mt-6 mb-3 text-lg font-semibold">Email to patient</h2>
              <SendForm clinicId={clinicId} handoutId={handout.id} hasLink={!!handout.link?.live} />
            </>
          )}
          <h2 className="mt-6 mb-3 text-lg font-semibold">Patient link</h2>
          {handout.link ? (
            <LinkPanel
              clinicId={clinicId}
              handoutId={handout.id}
              voided={!!handout.void}
              canWithdraw={canWithdraw}
              link={{
                url: handout.link.url,
                live: handout.link.live,
                expiresAt: handout.link.expiresAt.toISOString(),
                revokedAt: handout.link.revokedAt?.toISOString() ?? null,
                firstOpenedAt: handout.link.firstOpenedAt?.toISOString() ?? null,
                lastOpenedAt: handout.link.lastOpenedAt?.toISOString() ?? null,
                openCount: handout.link.openCount,
              }}
            />
          ) : (
            <p className="text-sm text-slate-700">This handout was made without a patient link.</p>
          )}
          <h3 className="mt-6 mb-2 font-semibold">Emails</h3>
          <DeliveryList
            clinicId={clinicId}
            rows={deliveries.map((d) => ({
              id: d.id,
              status: d.status,
              mode: d.mode,
              recipientMask: d.recipientMask,
              attempts: d.attempts,
              lastError: d.lastError,
              at: (d.sentAt ?? d.updatedAt).toISOString(),
              canRetry: d.status === "FAILED" && !d.erasedAt && !handout.void,
            }))}
          />
          {(ehr || filings.length > 0) && (
            <>
              <h3 className="mt-6 mb-2 font-semibold">Patient&apos;s chart</h3>
              <ChartPanel
                clinicId={clinicId}
                handoutId={handout.id}
                canFile={ehr && !handout.void}
                rows={filings.map(({ filedAt, updatedAt, ...f }) => ({
                  ...f,
                  at: (filedAt ?? updatedAt).toISOString(),
                }))}
              />
            </>
          )}
          {canWithdraw && !handout.void && <VoidForm clinicId={clinicId} handoutId={handout.id} />}
        </Card>
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="mb-2 text-lg font-semibold">
            The PDF the patient was given
            {handout.pdf && ` (${handout.pdf.pages} page${handout.pdf.pages === 1 ? "" : "s"})`}
          </h2>
          {/* Fetched by the browser from its own route, not carried in this page's payload (issue 30). */}
          <StoredPdfPages
            src={`${base}/${handout.id}/pdf/view`}
            pages={handout.pdf?.pages ?? 0}
            label="The PDF the patient was given"
          />
        </section>
      </div>
    </>
  );
}
