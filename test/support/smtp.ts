import { createTransport } from 'nodemailer';

export async function sendComplaint(port: number, mail: { from: string; subject: string; text: string; to?: string; headers?: Record<string, string> }): Promise<string> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  const info = await transport.sendMail({ to: 'complaints@example.com', ...mail });
  transport.close();
  return info.messageId;
}
