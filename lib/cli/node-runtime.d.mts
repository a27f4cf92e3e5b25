export declare const SUPPORTED_NODE: string;
export declare function isSupportedNode(version?: string): boolean;
export declare const describeNode: () => string;
export declare const withThisNode: <T extends Record<string, string | undefined>>(env: T) => T & { PATH: string };
