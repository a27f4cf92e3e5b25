// What a start command has running (the web server and the email worker; under the development stack also
// its mail catcher and database), stopped on Ctrl-C or SIGTERM in the reverse order they started: nothing a
// request in flight needs stops before it is answered. Children run in process groups of their own, so only
// this process hears the terminal's Ctrl-C and can keep that order.

/** @typedef {{ name?: string, stop: () => Promise<void> }} Part */

/** @param {(msg: string) => void} log */
export function lifecycle(log) {
  /** @type {Part[]} */
  const parts = [];
  let stopping = false;

  /** @param {number} code */
  async function stopAll(code) {
    if (stopping) return;
    stopping = true;
    const order = [...parts].reverse();
    const names = order.flatMap((p) => (p.name ? [`the ${p.name}`] : []));
    if (code === 0 && names.length) log(`stopping: ${names.join(", then ")}`);
    for (const part of order) await part.stop().catch(() => {});
    // The last line a terminal shows: everything this command started has stopped.
    if (code === 0) log("stopped.");
    process.exit(code);
  }
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

  return {
    /** Stopped before everything added earlier. @param {Part} part */
    add(part) {
      parts.push(part);
    },
    get stopping() {
      return stopping;
    },
    /** One line on stderr, then everything stops and the process exits 1. @param {string} msg */
    fail(msg) {
      console.error(`[portal] ${msg}`);
      return stopAll(1);
    },
  };
}

/** @typedef {ReturnType<typeof lifecycle>} Lifecycle */
