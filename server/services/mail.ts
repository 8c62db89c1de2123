import nodemailer from 'nodemailer';
import type { DB, DbOrTx } from '@/db/client';
import type { Locale } from '@/common/enums';
import { env } from '../env';
import { PermanentJobError, enqueueJob, REQUEST_ATTEMPT_GRACE_MS, runJobNow, type JobHandler } from './jobs';

// Outgoing mail for invitation and reset links. Only when SMTP_URL is set; without it the UI shows
// the link for the person who issued it to pass on (the normal case for a self-hosted install).
// Links in mails need the public address, so mail also needs NEXTAUTH_URL: a link built from a
// request's Host header could be pointed at another site by whoever sends the request.

export type MailMessage = { to: string; subject: string; text: string; messageId?: string };
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

// ----- Link mails as jobs (decision 028) -----
// A mailed link (invitation, password reset, address confirmation) is a job enqueued in the
// transaction that makes the link's record. The job holds the record's id, never the secret: each
// attempt issues a fresh token for the record (stored hashed, as always) and mails that, so a
// backup of the jobs table holds no working link, and only the last mail sent carries one. The
// request tries the job at once and answers with the outcome; a temporary failure (the server
// away, a 4xx answer) is retried by the runners with backoff, a permanent one (5xx) or the last
// attempt ends the record's link and stays on the admin's Jobs page.

export type LinkMailSpec = {
  /** The job kind, e.g. 'mail.invitation'. */
  kind: string;
  /** Where the mail goes and its words, or null when the link no longer needs sending (used, ended, expired). */
  load(tx: DbOrTx, recordId: number, locale: Locale): { to: string; vars: Record<string, string> } | null;
  /** A new token for the record's link, its hash stored in place of the last. */
  issueToken(tx: DbOrTx, recordId: number): string;
  path(token: string): string;
  compose(locale: Locale, vars: Record<string, string>, url: string): { subject: string; text: string };
  /** After the last attempt: the link nobody received ends. */
  giveUp(db: DB, recordId: number): void;
};

export const LINK_MAIL_ATTEMPTS = 8;

/** The SMTP answer's code on a nodemailer error (550, 451, …), if the server answered. */
function smtpCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

export function linkMailHandler(spec: LinkMailSpec): JobHandler {
  return {
    maxAttempts: LINK_MAIL_ATTEMPTS,
    async run(payload, { db, key }) {
      const m = mailer();
      if (!m) throw new PermanentJobError('Mail is off (SMTP_URL or NEXTAUTH_URL is not set).');
      const recordId = Number(payload.recordId);
      const locale = payload.locale as Locale;
      const mail = db.transaction((tx) => {
        const found = spec.load(tx, recordId, locale);
        return found ? { ...found, token: spec.issueToken(tx, recordId) } : null;
      });
      if (!mail) return;
      const { subject, text } = spec.compose(locale, mail.vars, `${m.baseUrl}${spec.path(mail.token)}`);
      try {
        // The Message-ID comes from the job's key: a mail sent twice (a process that died after the
        // server took it) is one message to a client that de-duplicates.
        await m.transport.sendMail({ from: m.from, to: mail.to, subject, text, messageId: `<${key}@${new URL(m.baseUrl).hostname}>` });
      } catch (error) {
        const code = smtpCode(error);
        const message = error instanceof Error ? error.message : String(error);
        if (code !== undefined && code >= 500) throw new PermanentJobError(message);
        throw error;
      }
    },
    onFailed(payload, { db }) {
      spec.giveUp(db, Number(payload.recordId));
    },
  };
}

/** Enqueues a link mail for a record (the record's transaction); the request then calls `tryLinkMail`. */
export function enqueueLinkMail(tx: DbOrTx, spec: Pick<LinkMailSpec, 'kind'>, recordId: number, locale: Locale): number {
  return enqueueJob(tx, {
    kind: spec.kind,
    key: `${spec.kind}:${recordId}`,
    payload: { recordId, locale },
    maxAttempts: LINK_MAIL_ATTEMPTS,
    // The request tries it first; the runners take it if that process dies before it has.
    runAt: Date.now() + REQUEST_ATTEMPT_GRACE_MS,
  }).id;
}

export type MailOutcome = 'sent' | 'delayed' | 'failed';

/** The request's own attempt at a link mail: sent, delayed (the runners retry it), or failed for good. */
export async function tryLinkMail(db: DB, spec: LinkMailSpec, jobId: number): Promise<MailOutcome> {
  const outcome = await runJobNow(db, jobId, { [spec.kind]: linkMailHandler(spec) });
  return outcome === 'succeeded' ? 'sent' : outcome === 'failed' ? 'failed' : 'delayed';
}
