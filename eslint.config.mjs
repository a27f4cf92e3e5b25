import fs from "node:fs";
import boundaries from "eslint-plugin-boundaries";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The rooms of lib/ (a folder, or a file at its top), app/ and components/, the bottom layer first (README,
// Architecture). A room may import itself and the rooms on earlier lines; never one on its own line or a later
// line, so a back-arrow fails `npm run lint` and no two rooms import each other. Type-only imports count too.
export const LAYERS = [
  // platform
  [
    "generated",
    "errors",
    "ids",
    "limits",
    "canonical-json",
    "colors",
    "contact-rules",
    "secret-strength",
    "safe-redirect",
    "cursor-param",
    "i18n",
    "printable",
  ],
  ["forms", "pagination", "db-client", "server"],
  ["launch-env", "request-info"],
  ["env"],
  ["db", "http"],
  // people: who acts, in which clinic, and what is recorded
  ["member-context", "email"],
  ["audit"],
  ["accounts"],
  ["clinics"],
  ["authz"],
  ["sso"],
  ["auth"],
  // guides: the model, then library/ < import/ < editor/
  ["guides"],
  ["guides/library"],
  ["guides/import"],
  ["guides/editor"],
  // handouts
  ["handouts"],
  ["templates"],
  ["handout-drafts"],
  // renderers: the PDF and the patient page
  ["pdf", "links"],
  // the chart: FHIR resources of a handout (pure), then the EHR they are filed to (SMART launch, filing)
  ["fhir"],
  ["ehr"],
  // work done with a handout
  ["deliveries"],
  // insights reads the rollups of handouts, deliveries and links, and guides' review dates
  ["printing", "jobs", "insights"],
  // entry points; lib/dev (development only) is above every product room but npm start's chooser
  ["actions", "components"],
  ["app", "cli"],
  ["dev"],
  ["start"],
];

const FOLDERS = new Set(["app", "components"]);
const isFolder = (/** @type {string} */ room) =>
  FOLDERS.has(room) ||
  (room !== "guides" &&
    !!fs.statSync(new URL(`lib/${room}`, import.meta.url), { throwIfNoEntry: false })?.isDirectory());
const rooms = LAYERS.flat();
// A folder room is an element; a file room (at the top of lib/, or the guide model's files at the top of
// lib/guides/) a file category: the plugin's elements are folders.
const elements = rooms
  .filter(isFolder)
  .map((room) => ({ type: room, pattern: FOLDERS.has(room) ? room : `lib/${room}`, partialMatch: false }));
const files = rooms
  .filter((room) => !isFolder(room))
  .map((room) => ({ category: room, pattern: room === "guides" ? "lib/guides/*.*" : `lib/${room}.*` }));
const select = (/** @type {string} */ room) =>
  isFolder(room) ? { element: { type: room } } : { file: { categories: room } };
const below = (/** @type {string} */ room) =>
  LAYERS.slice(
    0,
    LAYERS.findIndex((line) => line.includes(room)),
  ).flat();

const layerRule = {
  plugins: { boundaries },
  files: ["app/**", "components/**", "lib/**"],
  settings: {
    "boundaries/elements": elements,
    "boundaries/files": files,
    "boundaries/dependency-nodes": ["import", "dynamic-import", "export"],
  },
  rules: {
    "boundaries/dependencies": [
      "error",
      {
        default: "disallow",
        policies: [
          ...rooms.map((room) => ({ from: select(room), allow: { to: [room, ...below(room)].map(select) } })),
          // House style: the react-pdf tree is server-only.
          {
            from: { element: { type: "components" } },
            disallow: { to: { element: { type: "pdf" } } },
            message: "components must not import lib/pdf (server-only)",
          },
        ],
      },
    ],
    // Every file belongs to a room: a new folder of lib/ needs its place in LAYERS.
    "boundaries/no-unknown-files": "error",
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "lib/generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "public/pdfjs/**",
    ],
  },
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
  // react-pdf's <Image> draws into the PDF; it is not an HTML <img> and has no alt attribute.
  { files: ["lib/pdf/**"], rules: { "jsx-a11y/alt-text": "off" } },
  layerRule,
];

export default config;
