// Local SMTP catcher for development: accepts every message on 127.0.0.1 and stores it as an .eml file.
// With `portFile`, it keeps one port for good, so a worker started on its own keeps reaching it across
// restarts of `npm start` (which writes that address to .data/dev.env for it).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { SMTPServer } from "smtp-server";
import { freePort } from "./embedded-db.mjs";

/** @param {string} portFile */
function savedCatcherPort(portFile) {
  const saved = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, "utf8")) : NaN;
  return Number.isInteger(saved) && saved > 0 ? saved : null;
}

/**
 * @param {{ dir: string, port?: number, portFile?: string, log?: (msg: string) => void }} options
 * @returns {Promise<{ url: string, dir: string, stop: () => Promise<void> }>}
 */
export async function startSmtpCatcher({ dir, port, portFile, log = () => {} }) {
  fs.mkdirSync(dir, { recursive: true });
  let listenPort = port ?? (portFile ? savedCatcherPort(portFile) : null) ?? (await freePort());
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "handout-portal local mail catcher",
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      /** @type {Buffer[]} */
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
  /** @param {number} p @returns {Promise<void>} */
  const listen = (p) =>
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(p, "127.0.0.1", () => resolve());
    });
  try {
    await listen(listenPort);
  } catch (err) {
    // The saved port was taken by something else meanwhile: take another and remember it.
    if (!portFile || /** @type {NodeJS.ErrnoException} */ (err).code !== "EADDRINUSE") throw err;
    listenPort = await freePort();
    await listen(listenPort);
  }
  if (portFile) fs.writeFileSync(portFile, String(listenPort));
  return {
    url: `smtp://127.0.0.1:${listenPort}`,
    dir,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
