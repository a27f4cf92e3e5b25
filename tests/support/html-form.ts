// The two small pieces every hand-written sign-in page of the test servers needs (the SSO test identity
// provider and the test EHR): escaping a value into HTML, and reading a posted form.
import type http from "node:http";

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}
