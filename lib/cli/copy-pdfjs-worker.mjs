#!/usr/bin/env node
// Copies pdf.js's worker into public/pdfjs/ so the browser loads it from our own origin (no CDN, and the CSP
// stays 'self'). Run by `postinstall`, so every `npm install`/`npm ci` puts the worker that matches the
// installed pdfjs-dist in place before any build; the file is generated, not committed (1 MB, .gitignore).
// The version is in the file name: a browser can never pair a cached worker with a newer pdf.js API.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve("pdfjs-dist/package.json"));
const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
const source = path.join(pkgDir, "build", "pdf.worker.min.mjs");
const dir = path.resolve("public", "pdfjs");
const name = `pdf.worker-${version}.min.mjs`;
const target = path.join(dir, name);

fs.mkdirSync(dir, { recursive: true });
for (const old of fs.readdirSync(dir)) if (old !== name) fs.rmSync(path.join(dir, old), { force: true });
// Left alone when already right: its modification time is part of the build fingerprint (lib/cli/build-if-needed.mjs).
const same = fs.existsSync(target) && fs.readFileSync(target).equals(fs.readFileSync(source));
if (!same) fs.copyFileSync(source, target);
console.log(`pdf.js worker ${version}: public/pdfjs/${name}${same ? " (up to date)" : ""}`);
