import { z } from "zod";

// Every id the portal makes (cuid, "gd_…", "dlv_…", the demo clinics' slugs) fits this; anything else is
// refused before it reaches a query.
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not found.");
