export declare const DEFAULT_RENDER_NICE: number;
export declare function lowerThreadPriority(nice?: number): number;
