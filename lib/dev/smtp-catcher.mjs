// Local SMTP catcher for development: accepts every message on 127.0.0.1 and stores it as an .eml file.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { SMTPServer } from "smtp-server";
import { freePort } from "./embedded-db.mjs";

export async function startSmtpCatcher({ dir, port, log = () => {} }) {
  fs.mkdirSync(dir, { recursive: true });
  const listenPort = port ?? (await freePort());
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "handout-portal local mail catcher",
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", () => {
        const stamp = new Date().toISOString().replace(/[:.]/g, "-");
        const file = path.join(dir, `${stamp}-${crypto.randomBytes(3).toString("hex")}.eml`);
        fs.writeFileSync(file, Buffer.concat(chunks));
        const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
        log(`mail to ${to} saved as ${path.relative(process.cwd(), file)}`);
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, "127.0.0.1", resolve);
  });
  return {
    url: `smtp://127.0.0.1:${listenPort}`,
    dir,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
