// The address a request asked for (path and query), set by the web server on every request and never taken
// from the client: a page that finds its visitor signed out sends them to sign in and back here (lib/authz.ts).
export const REQUEST_URL_HEADER = "x-portal-request-url";
