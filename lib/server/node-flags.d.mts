export declare const WEB_SERVER_NODE_FLAGS: string[];
export declare const webServerArgs: (...args: string[]) => string[];
