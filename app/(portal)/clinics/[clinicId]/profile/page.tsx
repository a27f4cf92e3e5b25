import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/authz";
import { Card, PageHeader } from "@/components/ui/card";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage({ params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  return (
    <>
      <PageHeader title="Your profile" description="How you appear in the contact block of the handouts you make." />
      <Card className="max-w-xl">
        <ProfileForm clinicId={clinicId} initial={{ name: ctx.user.name, credentials: ctx.user.credentials ?? "", directPhone: ctx.user.directPhone ?? "" }} />
      </Card>
    </>
  );
}
