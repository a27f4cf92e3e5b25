// Vitest runs outside Next: the real "server-only" throws when imported outside a React Server environment.
export {};
