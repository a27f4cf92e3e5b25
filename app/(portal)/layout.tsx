import Link from "next/link";
import { requireUser } from "@/lib/authz";
import { SignOutButton } from "@/components/portal/sign-out-button";
import { IdleWarning } from "@/components/portal/idle-warning";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-brand-700">
            Handout Portal
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-700">{user.name}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      {children}
      <IdleWarning />
    </div>
  );
}
