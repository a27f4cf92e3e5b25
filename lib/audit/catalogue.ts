// The audit catalogue: every audited action and its label, so the Activity page can name them and code cannot
// invent new spellings.
export const AUDIT_ACTIONS = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_in_locked": "Sign-in refused (too many attempts)",
  "auth.sign_out": "Signed out",
  "auth.password_reset_requested": "Password reset requested",
  "auth.password_reset": "Password reset",
  "member.invited": "Invite sent",
  "member.invite_accepted": "Invite accepted",
  "member.invite_revoked": "Invite revoked",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "guide.imported": "Guide imported",
  "guide.published": "Guide published from the editor",
  "guide.draft_discarded": "Guide draft discarded",
  "guide.reviewed": "Guide marked as reviewed",
  "guide.copied": "Library guide copied into the clinic",
  "handout.generated": "Handout generated",
  "handout.downloaded": "Handout PDF downloaded",
  "handout.viewed": "Handout opened",
  "handout.printed": "Handout opened for printing",
  "handout.voided": "Handout voided",
  "handout.searched": "Handouts searched by title or patient",
  "link.created": "Patient link made",
  "link.opened": "Patient link opened by the patient",
  "link.revoked": "Patient link withdrawn",
  "link.pdf_downloaded": "PDF downloaded through the patient link",
  "link.unverified": "Patient link refused: the handout's content no longer matches its seal",
  "delivery.requested": "Handout email requested",
  "delivery.sent": "Handout email sent",
  "delivery.failed": "Handout email failed",
  "delivery.retried": "Handout email retried",
  "clinic.branding_changed": "Branding changed",
  "clinic.created": "Clinic created",
  "template.created": "Template created",
  "template.updated": "Template edited",
  "template.deleted": "Template deleted",
  "audit.exported": "Audit log exported",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

// Page views: a clinician opening a handout's page. Recorded like everything else, and hidden on the Activity
// page unless asked for ("Include page views"): after a morning's work they are most of the log.
export const PAGE_VIEW_ACTIONS: readonly AuditAction[] = ["handout.viewed"];
