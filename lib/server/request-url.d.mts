export const REQUEST_URL_HEADER: string;
