// Every audited action, so the Activity page can label them and code cannot invent new spellings.
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
  "handout.generated": "Handout generated",
  "handout.downloaded": "Handout PDF downloaded",
  "delivery.requested": "Handout email requested",
  "delivery.sent": "Handout email sent",
  "delivery.failed": "Handout email failed",
  "delivery.retried": "Handout email retried",
  "clinic.branding_changed": "Branding changed",
  "template.created": "Template created",
  "template.updated": "Template edited",
  "template.deleted": "Template deleted",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
