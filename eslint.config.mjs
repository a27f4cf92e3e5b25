import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/pdfjs/**"] },
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
  // react-pdf's <Image> draws into the PDF; it is not an HTML <img> and has no alt attribute.
  { files: ["lib/pdf/**"], rules: { "jsx-a11y/alt-text": "off" } },
];

export default config;
