export declare const CLIENT_IP_HEADER: "x-portal-client-ip";
export declare function normaliseIp(address: unknown): string | null;
export declare function displayIp(address: unknown): string | null;
export type TrustedProxies = { readonly size: number; has(ip: string | undefined): boolean };
export declare function parseTrustedProxies(value: string | undefined): TrustedProxies;
export declare function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string | null;
