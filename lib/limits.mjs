// The largest form a server action accepts (a guide's .zip may be 20 MB): next.config.js sets Next's
// serverActions.bodySizeLimit from it, the web server answers 413 to a larger declared body before Next reads
// it (lib/cli/web-server.mjs), and forms check their size against it before sending, so an oversized
// upload gets a message on the form. Each action then applies its own, smaller limit (guides 1 MB, pictures
// 5 MB, logos 2 MB).
export const SERVER_ACTION_BODY_LIMIT_MB = 21;
export const SERVER_ACTION_BODY_LIMIT = SERVER_ACTION_BODY_LIMIT_MB * 1024 * 1024;
