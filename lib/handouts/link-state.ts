/** Whether a handout gets a patient link: its own (or its template's) choice, else the clinic's default. */
export const getsPatientLink = (choice: boolean | null | undefined, clinic: { linksByDefault: boolean }): boolean =>
  choice ?? clinic.linksByDefault;

/** A link that still opens: not withdrawn, not expired (a voided handout's link is dead as well; callers check). */
export const isLive = (link: { revokedAt: Date | null; expiresAt: Date } | null, now = new Date()): boolean =>
  !!link && !link.revokedAt && link.expiresAt > now;
