// Text that tells a patient when to get help at once. The importer flags sections that read like this and
// asks whoever imports the guide whether to lock them into every handout (lib/guides/locks.ts). The test
// is deliberately broad: a false alarm costs one click, a missed warning section could cost far more.
const RED_FLAGS: RegExp[] = [
  /\b(911|999|112)\b/,
  /\bemergency (room|department|services|care|number)\b/i,
  /\b(go to|visit) (the |an |your )?(nearest )?(emergency|ER|A&E|urgent care)\b/i,
  /\bcall (us |your (doctor|clinician|provider|health ?care provider|physician) |for help )?(right away|immediately|at once)\b/i,
  /\b(seek|get) (immediate|urgent|emergency) (medical )?(care|help|attention|treatment)\b/i,
  /\b(call|dial) (for )?an ambulance\b/i,
  /\bwarning signs?\b/i,
  /\bred flags?\b/i,
  // Spanish variants of the guides.
  /\b(sala de )?emergencias?\b/i,
  /\burgencias\b/i,
  /\bllame (de inmediato|inmediatamente|enseguida|al 911)\b/i,
];

export function looksLikeRedFlag(title: string, text: string): boolean {
  const all = `${title}\n${text}`;
  return RED_FLAGS.some((pattern) => pattern.test(all));
}

/**
 * Whether a section prints as warning signs (a boxed "Get help now" section in the PDF and on the patient's
 * page): one the importer locked for telling the patient when to get care, or that reads like warning signs
 * and stayed locked. A flagged section its importer unlocked was judged not to be a warning.
 */
export function isWarningSection(s: {
  kind: string;
  lockReason: string | null;
  redFlag: boolean;
  required: boolean;
}): boolean {
  if (s.kind !== "content") return false;
  return s.lockReason === "seek-care" || s.lockReason === "red-flag" || (s.redFlag && s.required);
}
