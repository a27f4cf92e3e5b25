// A CPU profile of one web server's own thread (not its render threads) over a window of the bench, for
// tests/bench/cluster.ts `--profile`: the server starts with an inspector port it opens on SIGUSR1, the bench
// connects over the DevTools protocol, samples for the window, and sums self time per function and per part
// of the stack (Prisma, zlib, React's server renderer, Next, pg), as a share of the thread's busy time.
import fs from "node:fs";
import type { WebServer } from "./stack.mjs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type Profile = {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

export async function startProfile(server: WebServer, port: number) {
  process.kill(server.child.pid!, "SIGUSR1");
  let target: string | undefined;
  for (let i = 0; i < 50 && !target; i++) {
    await new Promise((r) => setTimeout(r, 100));
    target = await fetch(`http://127.0.0.1:${port}/json/list`)
      .then((r) => r.json() as Promise<{ webSocketDebuggerUrl: string }[]>)
      .then((l) => l[0]?.webSocketDebuggerUrl)
      .catch(() => undefined);
  }
  if (!target) throw new Error(`no inspector on port ${port}`);
  const ws = new WebSocket(target);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  ws.onmessage = (e) => {
    const msg = JSON.parse(String(e.data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 500 });
  await send("Profiler.start");
  return async (file: string) => {
    const { profile } = (await send("Profiler.stop")) as { profile: Profile };
    ws.close();
    fs.writeFileSync(file, JSON.stringify(profile));
    return summarize(profile);
  };
}

const PARTS: [string, RegExp][] = [
  ["prisma", /@prisma\/client|generated\/prisma|query_compiler|^wasm:/],
  ["zlib", /zlib|compression/],
  ["prisma-adapter", /adapter-pg/],
  ["react-dom server", /react-dom|react-server-dom/],
  ["pg", /node_modules\/pg/],
  ["next", /next\/dist|\.next\//],
];

export function summarize(profile: Profile, top = 15) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parent = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id] as const)));
  // A native frame (zlib's write, a socket's writev) counts for the nearest caller with a source file.
  const partOf = (nodeId: number): string => {
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const url = byNode.get(id)!.url;
      if (url) return PARTS.find(([, re]) => re.test(url))?.[0] ?? "other";
    }
    return "other";
  };
  const self = new Map<string, number>();
  const parts = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((nodeId, i) => {
    const f = byNode.get(nodeId)!;
    const us = profile.timeDeltas[i] ?? 0;
    if (f.functionName === "(idle)") return void (idle += us);
    busy += us;
    const where = f.url.replace(/^.*node_modules\//, "").replace(/^.*\.next\//, ".next/");
    const key = `${f.functionName || "(anonymous)"} ${where}${where ? `:${f.lineNumber + 1}` : ""}`;
    self.set(key, (self.get(key) ?? 0) + us);
    const part = f.functionName === "(garbage collector)" ? "gc" : partOf(nodeId);
    parts.set(part, (parts.get(part) ?? 0) + us);
  });
  const pct = (us: number) => Math.round((1000 * us) / Math.max(1, busy)) / 10;
  return {
    busyS: Math.round(busy / 1e5) / 10,
    idleS: Math.round(idle / 1e5) / 10,
    parts: Object.fromEntries([...parts].sort((a, b) => b[1] - a[1]).map(([k, us]) => [k, pct(us)])),
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${pct(us)}% ${k}`),
  };
}
