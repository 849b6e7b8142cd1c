import type { MailMessage } from './mail-message.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  return `<!doctype html><html><body style="font-family:sans-serif;max-width:560px;margin:auto">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}
<p><a href="${escapeHtml(link.href)}" style="display:inline-block;padding:10px 16px;background:#1c7ed6;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(link.label)}</a></p>
<p style="color:#666;font-size:12px">${escapeHtml(link.href)}</p></body></html>`;
}

/** A plain-text and HTML message with one call to action. */
export function message(to: string, subject: string, paragraphs: string[], link: { href: string; label: string }): MailMessage {
  return {
    to,
    subject,
    text: `${paragraphs.join('\n\n')}\n\n${link.label}: ${link.href}\n`,
    html: layout(subject, paragraphs, link),
  };
}

export function verificationEmail(to: string, link: string): MailMessage {
  return message(to, 'Confirm your email address', ['Welcome to Kontor. Please confirm that this address is yours.'], {
    href: link,
    label: 'Confirm email address',
  });
}

export function passwordResetEmail(to: string, link: string): MailMessage {
  return message(
    to,
    'Reset your Kontor password',
    ['Someone asked to reset the password of your Kontor account. If it was not you, ignore this message.', 'The link works once, for one hour.'],
    { href: link, label: 'Choose a new password' },
  );
}

export function invitationEmail(to: string, inviter: string, company: string, link: string): MailMessage {
  return message(to, `${inviter} invited you to ${company} on Kontor`, [`${inviter} invited you to work with ${company} on Kontor.`, 'The invitation is valid for 7 days.'], {
    href: link,
    label: 'Accept the invitation',
  });
}
