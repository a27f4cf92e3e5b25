// Every command first makes sure its database answers, so a database that is not there is one line that
// says what to do, not a driver's stack trace (or, for the worker, a retry every second).
import pg from "pg";

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

/** @param {string} databaseUrl */
export async function reachDatabase(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    const code = /** @type {NodeJS.ErrnoException} */ (err).code;
    const timedOut = /timeout/i.test(String(err));
    if (!(code && UNREACHABLE.has(code)) && !timedOut) throw err;
    const { host, port } = new URL(databaseUrl);
    throw new Error(
      `no database answers at ${host}${port ? "" : ":5432"} (${code ?? "timed out"}). In development, start the portal first (\`npm start\`): the other commands use its database.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
