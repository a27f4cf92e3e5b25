// One format for the code (issue: width 120). Markdown is left as written: its prose is wrapped by hand.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 120,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
};

export default config;
