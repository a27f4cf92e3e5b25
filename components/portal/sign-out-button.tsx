"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { clearBackup } from "@/components/handouts/draft-backup";

export function SignOutButton() {
  return (
    <Button
      variant="secondary"
      onClick={() => {
        // Signing out on purpose: nothing typed stays in this tab.
        clearBackup();
        void signOut({ callbackUrl: "/login?notice=signedout" });
      }}
    >
      Sign out
    </Button>
  );
}
