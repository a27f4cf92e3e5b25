import type { ChildProcess } from "node:child_process";

export type WebServer = { name: string; base: string; child: ChildProcess };
export type DeliveryWorker = { name: string; child: ChildProcess; stop: () => Promise<unknown> };
export type Cluster = {
  env: Record<string, string>;
  /** nginx, in front of the balanced servers. */
  lb: string;
  web: WebServer[];
  workers: DeliveryWorker[];
  /** Where the SMTP catcher saves each message as an .eml file. */
  mailDir: string;
  stop: () => Promise<void>;
};
export declare function startCluster(options: {
  servers: { name: string; env?: Record<string, string>; balanced?: boolean }[];
  workers: number;
  gzip?: boolean;
}): Promise<Cluster>;
