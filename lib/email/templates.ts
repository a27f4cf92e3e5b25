// Account emails. Plain text first; the HTML part escapes everything it interpolates.
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function layout(paragraphs: string[], link: { href: string; label: string }) {
  const text = [...paragraphs, "", `${link.label}: ${link.href}`].join("\n");
  const html = `<!doctype html><html lang="en"><body style="font-family:Arial,sans-serif;font-size:16px;color:#1a1a1a">${paragraphs
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("")}<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p></body></html>`;
  return { text, html };
}

export function inviteEmail(p: {
  clinicName: string;
  inviterName: string;
  role: string;
  link: string;
  expiresHours: number;
}) {
  return {
    subject: `You're invited to ${p.clinicName} on Handout Portal`,
    ...layout(
      [
        `${p.inviterName} invited you to join ${p.clinicName} as ${p.role.toLowerCase()}.`,
        `The link works once and expires in ${p.expiresHours} hours.`,
        "If you did not expect this, you can ignore this email.",
      ],
      { href: p.link, label: "Accept the invite" },
    ),
  };
}

export function passwordResetEmail(p: { link: string; expiresMinutes: number }) {
  return {
    subject: "Reset your Handout Portal password",
    ...layout(
      [
        "Someone asked to reset the password for this email address.",
        `The link works once and expires in ${p.expiresMinutes} minutes.`,
        "If it was not you, ignore this email: your password stays the same.",
      ],
      { href: p.link, label: "Choose a new password" },
    ),
  };
}

export function secondFactorResetEmail(p: { clinicName: string; link: string }) {
  return {
    subject: "Your Handout Portal sign-in was reset",
    ...layout(
      [
        `An owner or admin of ${p.clinicName} reset the second step of your sign-in (your authenticator app, passkeys and recovery codes), and signed you out everywhere.`,
        "Next time you sign in with your password, you can set up your authenticator app again.",
        `If you did not ask for this, please tell ${p.clinicName} straight away.`,
      ],
      { href: p.link, label: "Sign in" },
    ),
  };
}
