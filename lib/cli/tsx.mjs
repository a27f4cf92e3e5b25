// Node's arguments for running one of the portal's TypeScript entry points (commands, seeds) in a process of
// its own: tsx's loader in that same process (so signals reach the script itself), and the react-server
// condition its app modules are written for.

/** @param {string} script @param {string[]} args */
export const tsxArgs = (script, ...args) => ["--import", "tsx", "--conditions=react-server", script, ...args];
