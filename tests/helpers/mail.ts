import nodemailer from 'nodemailer';
import { setMailerForTests } from '@/server/services/mail';
import { startSmtpCapture } from './smtp';

/**
 * A real SMTP server, and the app's mailer sending to it through nodemailer as SMTP_URL would, with
 * https://tracker.example.org as the public address (NEXTAUTH_URL). `close` restores "no mail".
 */
export async function startSmtpServer() {
  const capture = await startSmtpCapture();
  setMailerForTests({
    transport: nodemailer.createTransport(capture.url),
    from: 'Consortium Tracker <tracker@example.org>',
    baseUrl: 'https://tracker.example.org',
  });
  return {
    ...capture,
    async close() {
      setMailerForTests(undefined);
      await capture.close();
    },
  };
}

export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;
