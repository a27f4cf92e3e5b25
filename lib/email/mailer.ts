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
};

let transport: Transporter | undefined;

// For transactions that send mail before committing: long enough for a slow server to time out properly.
export const MAIL_TRANSACTION_TIMEOUT_MS = 60_000;

// Explicit timeouts: a server that accepts the connection and never greets must not hang a request or a worker.
function getTransport(): Transporter {
  const timeout = env().SMTP_TIMEOUT_MS;
  transport ??= nodemailer.createTransport({
    url: env().SMTP_URL,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
    disableFileAccess: true,
    disableUrlAccess: true,
  } satisfies SMTPTransport.Options);
  return transport;
}

export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string }> {
  const info = await getTransport().sendMail({ from: env().MAIL_FROM, ...mail });
  return { messageId: info.messageId };
}
