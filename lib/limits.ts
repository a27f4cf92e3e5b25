// The largest form a server action accepts (next.config.js's serverActions.bodySizeLimit, "21mb": a guide's
// .zip may be 20 MB): forms check their size against it before sending, so an oversized upload gets a
// message on the form. Each action then applies its own, smaller limit (guides 1 MB, pictures 5 MB).
export const SERVER_ACTION_BODY_LIMIT = 21 * 1024 * 1024;
