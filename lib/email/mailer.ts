import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/lib/env";
import { smtpSecurity } from "@/lib/email/smtp-security.mjs";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  replyTo?: string;
  messageId?: string;
};

const transports = new Map<string, Transporter>();

// Replies a message can need, after the greeting: EHLO, STARTTLS + EHLO again, AUTH (up to three steps),
// MAIL FROM, RCPT TO, DATA and the end of the data.
const MAX_REPLIES = 10;

/** Per-reply timeout (nodemailer's socket inactivity timeout). */
export const smtpReplyTimeoutMs = () => env().SMTP_TIMEOUT_MS * 3;

/**
 * The longest one send may take: connecting, the greeting, then every reply at its full timeout. sendMail
 * aborts an attempt at this point, so a worker's lease (lib/email/outbox.ts) can always outlast it.
 */
export const sendDeadlineMs = () => 2 * env().SMTP_TIMEOUT_MS + MAX_REPLIES * smtpReplyTimeoutMs();

// Explicit timeouts: a server that accepts the connection and never greets must not hang a worker.
function getTransport(url: string): Transporter {
  const existing = transports.get(url);
  if (existing) return existing;
  const timeout = env().SMTP_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: smtpReplyTimeoutMs(),
    // Only a server on this machine may be spoken to in plain text (see smtp-security.mjs).
    requireTLS: smtpSecurity(url, env().SMTP_INSECURE) === "starttls",
    disableFileAccess: true,
    disableUrlAccess: true,
  } satisfies SMTPTransport.Options);
  transports.set(url, transport);
  return transport;
}

/** The domain of MAIL_FROM, for Message-IDs that look like the sender's own. */
export function senderDomain(): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(env().MAIL_FROM)?.[1] ?? "handout-portal.invalid";
}

/**
 * Sends through SMTP_URL, or through `smtpUrl` when given (the worker tests use their own servers). Gives up
 * at sendDeadlineMs(), or earlier when `signal` aborts.
 */
export async function sendMail(
  mail: OutgoingMail,
  smtpUrl: string = env().SMTP_URL,
  signal?: AbortSignal,
): Promise<{ messageId: string }> {
  const deadline = AbortSignal.timeout(sendDeadlineMs());
  const info = await getTransport(smtpUrl).sendMail({
    from: env().MAIL_FROM,
    ...mail,
    signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
  } as never);
  return { messageId: info.messageId };
}
