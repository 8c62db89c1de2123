import nodemailer from 'nodemailer';
import { env } from '../env';

// Outgoing mail for invitation and reset links. Only when SMTP_URL is set; without it the UI shows
// the link for the person who issued it to pass on (the normal case for a self-hosted install).
// Links in mails need the public address, so mail also needs NEXTAUTH_URL: a link built from a
// request's Host header could be pointed at another site by whoever sends the request.

export type MailMessage = { to: string; subject: string; text: string };
export type MailTransport = { sendMail(message: MailMessage & { from: string }): Promise<unknown> };
export type Mailer = { transport: MailTransport; from: string; baseUrl: string };

let override: Mailer | null | undefined;
let configured: Mailer | null | undefined;

/** Tests pass a fake transport (or null for "no SMTP"); undefined restores the configuration. */
export function setMailerForTests(mailer: Mailer | null | undefined): void {
  override = mailer;
}

export function mailer(): Mailer | null {
  if (override !== undefined) return override;
  if (configured !== undefined) return configured;
  const { SMTP_URL, MAIL_FROM, NEXTAUTH_URL } = env();
  if (!SMTP_URL) return (configured = null);
  if (!NEXTAUTH_URL) {
    console.warn('SMTP_URL is set but NEXTAUTH_URL is not: mails need the public address for their links, so none are sent.');
    return (configured = null);
  }
  const baseUrl = NEXTAUTH_URL.replace(/\/+$/, '');
  configured = {
    transport: nodemailer.createTransport(SMTP_URL),
    from: MAIL_FROM ?? `Consortium Tracker <no-reply@${new URL(baseUrl).hostname}>`,
    baseUrl,
  };
  return configured;
}

export function mailEnabled(): boolean {
  return mailer() !== null;
}

/**
 * Sends a message with a link to `path` (a path of this site). Resolves to true when the server
 * accepted it; a failure is logged and reported as false, never thrown: the link still works.
 */
export async function sendLinkMail(
  to: string,
  path: string,
  compose: (url: string) => { subject: string; text: string },
): Promise<boolean> {
  const m = mailer();
  if (!m) return false;
  const url = `${m.baseUrl}${path}`;
  try {
    await m.transport.sendMail({ from: m.from, to, ...compose(url) });
    return true;
  } catch (error) {
    console.error(`Mail to ${to} failed:`, error instanceof Error ? error.message : error);
    return false;
  }
}
