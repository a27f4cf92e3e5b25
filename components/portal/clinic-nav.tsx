"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string; exact?: boolean };

export function ClinicNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    // Inside the clinic layout's <nav aria-label="Clinic">, beside the clinic's name.
    <div className="-mb-px flex flex-wrap gap-x-1">
      {items.map((item) => {
        const active = item.exact
          ? pathname === item.href
          : pathname === item.href || pathname.startsWith(item.href + "/");
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className="border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-700 hover:text-slate-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700"
          >
            {item.label}
          </Link>
        );
      })}
    </div>
  );
}
