// How long a session lives, for the server (sessions.ts) and for the page that warns before it ends.
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// lastSeenAt is written at most this often, so busy pages do not write on every request; the server's idea of
// "last seen" can lag the last request by this much.
export const TOUCH_EVERY_MS = 60 * 1000;
export const WARN_BEFORE_MS = 2 * 60 * 1000;
