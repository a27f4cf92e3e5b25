/** “” (U+E000), “𓀀” (U+13000): each character and its code point, so it can be found and removed. */
export function describeCharacters(characters: string[]): string {
  return characters
    .map((ch) => `“${ch}” (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`)
    .join(", ");
}

export const unprintableMessage = (characters: string[]) =>
  `These characters cannot be printed: ${describeCharacters(characters)}. Remove or replace them.`;
