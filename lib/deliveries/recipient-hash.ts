import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

// A delivery keeps its patient's address only until retention erases it; this hash stays, so "already sent to
// this address" still works afterwards. Keyed (HMAC under a key derived from NEXTAUTH_SECRET) and per clinic,
// so the database alone cannot be searched for an address, nor one patient followed across clinics. A new
// NEXTAUTH_SECRET makes older hashes match nothing: repeats before the change are then not noticed.
function key(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", env().NEXTAUTH_SECRET, "handout-portal", "delivery-recipient", 32));
}

export function recipientHash(clinicId: string, address: string): string {
  return crypto.createHmac("sha256", key()).update(`${clinicId}\n${address.trim().toLowerCase()}`).digest("base64url");
}
