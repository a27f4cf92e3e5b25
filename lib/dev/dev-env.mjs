// <data dir>/dev.env: what the running development stack made (its database, mail catcher, secret, port),
// for the other npm scripts, which load it with Node's --env-file-if-exists: `npm run worker` in a second
// terminal is then the production command, run against this stack. A variable already set wins over the
// file. Mode 0600 (it holds the database password and the secret); removed when the stack stops.
import fs from "node:fs";

/**
 * @param {string} file
 * @param {Record<string, string | undefined>} vars unset ones are left out
 * @returns {{ stop: () => Promise<void> }} removes the file, unless another stack has written its own since
 */
export function writeDevEnv(file, vars) {
  const text =
    "# Written by the development stack (npm start without DATABASE_URL) while it runs; removed when it stops.\n" +
    Object.entries(vars)
      .flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${quoted(name, value)}\n`]))
      .join("");
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, text, { mode: 0o600 });
  fs.renameSync(partial, file);
  const remove = () => {
    try {
      if (fs.readFileSync(file, "utf8") === text) fs.rmSync(file);
    } catch {}
  };
  process.on("exit", remove);
  return { stop: async () => remove() };
}

/** Node's .env reader takes a value in any of three quotes, with nothing unquoted. @param {string} name @param {string} value */
function quoted(name, value) {
  const quote = ["'", "`", '"'].find((q) => !value.includes(q));
  if (!quote || /[\r\n]/.test(value))
    throw new Error(`${name} cannot be written to dev.env (it holds a line break or all three quote characters)`);
  return `${quote}${value}${quote}`;
}
