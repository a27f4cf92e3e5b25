/** A link that still opens: not withdrawn, not expired (a voided handout's link is dead as well; callers check). */
export const isLive = (link: { revokedAt: Date | null; expiresAt: Date } | null, now = new Date()): boolean => !!link && !link.revokedAt && link.expiresAt > now;
