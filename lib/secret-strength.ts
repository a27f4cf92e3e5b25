// How guessable a secret is, for NEXTAUTH_SECRET in production (lib/env.ts). An estimate in the spirit of a
// compressor: the secret is read left to right in the pieces a guesser would try, each with its cost in bits.
// A character on its own costs the secret's entropy per character (so a few symbols used over and over cost
// little); a repeat of something earlier, a run such as "abcd" or "aaaa", or a well-known word costs only the
// few bits it takes to name it. `openssl rand -base64 32` comes to ~215 bits (never under 180 in 20,000
// tries), `openssl rand -hex 32` (16 symbols) to ~245; "changeme" four times to ~15. It cannot tell a long
// sentence someone made up from a random string: the README gives the command to use.

export const MIN_SECRET_BITS = 128;

// Words that people and examples put in secrets, and the secrets this repository's own tests once used
// (anything published is known). Compared in lower case after undoing common digit-for-letter swaps.
const KNOWN = [
  "changeme",
  "change-me",
  "change_me",
  "secret",
  "password",
  "nextauth",
  "production",
  "development",
  "staging",
  "example",
  "default",
  "letmein",
  "welcome",
  "admin",
  "qwerty",
  "asdf",
  "test",
  "e2e",
  "bench",
  "cluster",
  "integration",
  "handout",
  "portal",
  "clinic",
  "session",
  "replace",
  "your",
  "key",
  "complex_password_at_least_32_characters_long",
  "e2e-secret-e2e-secret-e2e-secret-e2e",
  "integration-secret-integration-secret-0",
  "bench-secret-bench-secret-bench-secret",
  "cluster-secret-cluster-secret-cluster-secret",
  "production-secret-production-secret-42",
];
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };
const fold = (chars: string[]) => chars.map((c) => LEET[c] ?? c.toLowerCase()).join("");
const KNOWN_FOLDED = KNOWN.map((w) => fold([...w]));
const MIN_PIECE = 3;
const WINDOW = 1024;

type Piece = { kind: "literal" | "repeat" | "run" | "word"; length: number; bits: number; unit?: number };

function entropyPerChar(chars: string[]): number {
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / chars.length) * Math.log2(n / chars.length);
  return h;
}

/** The secret cut into the pieces a guesser would try: greedily the longest that costs less than its characters. */
function secretPieces(secret: string): Piece[] {
  const chars = [...secret];
  const n = chars.length;
  const perChar = entropyPerChar(chars);
  const folded = fold(chars);
  const named = (at: number) => Math.log2(at + 2) + Math.log2(n + 1);
  const pieces: Piece[] = [];
  for (let i = 0; i < n;) {
    let best: Piece | null = null;
    // At least a bit a character, so that "aaaa…" (0 bits a character) still reads as the repeat it is.
    const consider = (kind: Piece["kind"], length: number, bits: number, unit?: number) => {
      if (length >= MIN_PIECE && length > (best?.length ?? 0) && bits < length * Math.max(perChar, 1))
        best = { kind, length, bits, unit };
    };
    // The longest copy of something earlier (it may overlap itself: "abab…" is "ab" and one long copy).
    let from = -1;
    let longest = 0;
    for (let j = Math.max(0, i - WINDOW); j < i; j++) {
      let k = 0;
      while (i + k < n && chars[j + k] === chars[i + k]) k++;
      if (k > longest) [from, longest] = [j, k];
    }
    consider("repeat", longest, named(i), i - from);
    // A run with a constant step: "aaaa", "abcdef", "97531".
    if (i + 1 < n) {
      const step = chars[i + 1]!.codePointAt(0)! - chars[i]!.codePointAt(0)!;
      let k = 2;
      while (
        Math.abs(step) <= 3 &&
        i + k < n &&
        chars[i + k]!.codePointAt(0)! - chars[i + k - 1]!.codePointAt(0)! === step
      )
        k++;
      if (step === 0) consider("repeat", k, perChar + named(i), 1);
      else if (Math.abs(step) <= 3) consider("run", k, perChar + 3 + named(i));
    }
    for (const word of KNOWN_FOLDED) {
      if (folded.startsWith(word, i)) consider("word", word.length, Math.log2(KNOWN.length) + 1);
    }
    const piece: Piece = best ?? { kind: "literal", length: 1, bits: perChar };
    pieces.push(piece);
    i += piece.length;
  }
  return pieces;
}

export const estimateSecretBits = (secret: string) => secretPieces(secret).reduce((sum, p) => sum + p.bits, 0);

/**
 * Why a secret is too easy to guess, in a few words for a one-line message (never quoting the secret, which
 * may be in use elsewhere), or null when it is not. Shorter than 32 characters is refused before this is asked.
 */
export function secretWeakness(secret: string): string | null {
  const pieces = secretPieces(secret);
  const bits = pieces.reduce((sum, p) => sum + p.bits, 0);
  if (bits >= MIN_SECRET_BITS) return null;
  const n = [...secret].length;
  const widest = (kind: Piece["kind"]) => pieces.filter((p) => p.kind === kind).sort((a, b) => b.length - a.length)[0];
  const covered = (kind: Piece["kind"]) => pieces.filter((p) => p.kind === kind).reduce((sum, p) => sum + p.length, 0);
  const repeat = widest("repeat");
  if (repeat && covered("repeat") * 3 >= n)
    return repeat.unit === 1 ? "it is one character repeated" : `it repeats the same ${repeat.unit} characters`;
  const word = widest("word");
  if (word && word.length === n) return "it is a published example";
  if (word && covered("word") * 3 >= n) return "it is made of well-known words";
  if (covered("run") * 3 >= n) return "it is a run of consecutive characters";
  const distinct = new Set(secret).size;
  if (distinct < 16) return `it uses only ${distinct} different characters`;
  return `it has about ${Math.floor(bits)} bits of randomness; ${MIN_SECRET_BITS} are needed`;
}
