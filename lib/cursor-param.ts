import { z } from "zod";

// A list's "Older"/"Newer" cursor as it comes in the URL: base64url, so it reads as one opaque token and
// needs no escaping; anything else is dropped (page 1). Its content is checked by decodeCursor in
// lib/pagination.ts; this file stays free of server code because the builder's form schemas import it.
export const cursorParam = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/)
  .optional()
  .catch(undefined);
