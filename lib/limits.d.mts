export const SERVER_ACTION_BODY_LIMIT_MB: number;
export const SERVER_ACTION_BODY_LIMIT: number;
