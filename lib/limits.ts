// The largest form a server action accepts (next.config.js's serverActions.bodySizeLimit, "4mb"): forms
// check their size against it before sending, so an oversized upload gets a message on the form.
export const SERVER_ACTION_BODY_LIMIT = 4 * 1024 * 1024;
