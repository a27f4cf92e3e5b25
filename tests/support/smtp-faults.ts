// SMTP servers that misbehave on purpose, for the delivery tests: refuse with a reply code, or accept the
// connection and never greet.
import net from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";

export type Behaviour = { reply?: { code: number; message: string } };

/** An SMTP server whose answer to DATA is decided per message by `decide` (undefined = accept). */
export async function startScriptedSmtp(decide: (n: number) => Behaviour | undefined, port = 0) {
  const received: (ParsedMail & { envelopeTo: string[]; raw: string })[] = [];
  // The Message-ID of every message offered, accepted or not.
  const offeredIds: string[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        offeredIds.push(/^Message-ID:\s*(\S+)/im.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "");
        const b = decide(++attempts);
        if (b?.reply) {
          const err = Object.assign(new Error(b.reply.message), { responseCode: b.reply.code });
          return callback(err);
        }
        const raw = Buffer.concat(chunks);
        const mail = await simpleParser(raw);
        received.push(
          Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw: raw.toString("utf8") }),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    received,
    offeredIds,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Accepts TCP connections and says nothing, like a hung mail server. */
export async function startSilentServer() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port with nothing listening on it (yet). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/**
 * A slow but healthy SMTP server: greets at once, then takes `replyDelayMs` over every reply (a busy relay
 * or a long spam scan). Keeps the raw text of every message it accepted.
 */
export async function startSlowSmtp(replyDelayMs: number) {
  const messages: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffer = "";
    let data: string | null = null;
    const reply = (text: string) => setTimeout(() => !socket.destroyed && socket.write(`${text}\r\n`), replyDelayMs);
    socket.write("220 slow.test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          messages.push(data + buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          data = null;
          reply("250 2.0.0 Ok: queued");
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250-slow.test\r\n250 8BITMIME");
        else if (verb === "DATA") {
          data = "";
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "QUIT") {
          socket.end("221 Bye\r\n");
        } else reply("250 Ok");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
