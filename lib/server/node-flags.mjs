// How Node runs every process that hosts the web server, and with it the PDF render threads (lib/pdf/pool.ts).
// V8 does its background work (optimising compilation, garbage-collection marking and sweeping) on one pool
// of threads per process, shared by every thread in it: four threads by default, whatever the machine. On a
// 2-core machine a render thread that starts working then shares its two cores with up to four more busy
// threads, and waits for a core a quarter of the time (a fresh thread's first handout: 158 ms of 677 waiting
// to run, measured with /proc/thread-self/schedstat). `--v8-pool-size=0` is Node's own rule instead: one
// thread fewer than the cores (one here, seven on 8 cores); the same render then waited 2.5 ms.
export const WEB_SERVER_NODE_FLAGS = ["--v8-pool-size=0"];

/** The arguments that start the web server under process.execPath. */
export const webServerArgs = (/** @type {string[]} */ ...args) => [
  ...WEB_SERVER_NODE_FLAGS,
  "lib/cli/web-server.mjs",
  ...args,
];
