import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

// A real SMTP server on a free local port that keeps what it receives: what a test reads here is
// what an inbox would receive. Integration tests point the app's mailer at it (tests/helpers/mail.ts),
// e2e tests give a server of their own SMTP_URL=smtp://127.0.0.1:<port>.

export type ReceivedMail = { to: string[]; subject: string; text: string };

/** Undoes the transfer encodings nodemailer picks for a plain-text part. */
function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Undoes RFC 2047 encoded words in a header (a subject in Chinese arrives as =?UTF-8?B?…?=). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeBody(data.replace(/_/g, ' '), 'quoted-printable'),
    );
}

function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim();
  return {
    to,
    subject: decodeHeader(header('Subject') ?? ''),
    text: decodeBody(raw.slice(split + 4), header('Content-Transfer-Encoding')?.toLowerCase()).replace(/\r\n/g, '\n'),
  };
}

export async function startSmtpCapture() {
  const received: ReceivedMail[] = [];
  let refuse = false;
  let defer = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        if (defer) return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        received.push(
          parse(
            Buffer.concat(chunks).toString('latin1'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The server answers every message with a permanent failure from now on. */
    refuseMail() {
      refuse = true;
    },
    /** The server answers every message with a temporary failure (451) until `acceptMail()`. */
    deferMail() {
      defer = true;
    },
    acceptMail() {
      defer = false;
      refuse = false;
    },
    /** The link starting with `prefix` (e.g. /invite/) in the latest mail to `to`, as a path of the site it points to. */
    linkTo(to: string, prefix: string): string | undefined {
      const mail = received.filter((m) => m.to.includes(to)).at(-1);
      return mail ? new RegExp(`https?://[^\\s/]+(${prefix}[A-Za-z0-9_-]+)`).exec(mail.text)?.[1] : undefined;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type SmtpCapture = Awaited<ReturnType<typeof startSmtpCapture>>;
