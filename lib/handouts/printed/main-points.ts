// "The main points" at the top of a handout: the key point of each chosen section, in the handout's order.
// More than five stops being a summary, so the first five are kept.
export const MAX_MAIN_POINTS = 5;

export function mainPoints(sections: { kind: string; keyPoint?: string | null }[]): string[] {
  return sections
    .filter((s) => s.kind === "content" && s.keyPoint)
    .map((s) => s.keyPoint!)
    .slice(0, MAX_MAIN_POINTS);
}
