import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/lib/env";

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

// For transactions that send mail before committing: long enough for a slow server to time out properly.
export const MAIL_TRANSACTION_TIMEOUT_MS = 60_000;

// Explicit timeouts: a server that accepts the connection and never greets must not hang a request or a worker.
function getTransport(url: string): Transporter {
  const timeout = env().SMTP_TIMEOUT_MS;
  const existing = transports.get(url);
  if (existing) return existing;
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
    disableFileAccess: true,
    disableUrlAccess: true,
  } satisfies SMTPTransport.Options);
  transports.set(url, transport);
  return transport;
}

/** Sends through SMTP_URL, or through `smtpUrl` when given (the delivery worker's tests use their own servers). */
export async function sendMail(mail: OutgoingMail, smtpUrl: string = env().SMTP_URL): Promise<{ messageId: string }> {
  const info = await getTransport(smtpUrl).sendMail({ from: env().MAIL_FROM, ...mail });
  return { messageId: info.messageId };
}
