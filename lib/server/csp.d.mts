export function newNonce(): string;
export function portalCsp(options: { nonce: string; dev: boolean }): string;
