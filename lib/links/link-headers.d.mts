export declare const LINK_CSP: string;
export declare const LINK_HEADERS: Record<string, string>;
