import { createTransport } from 'nodemailer';

/** Sends one realistic complaint to the running local stack over real SMTP. */
const port = Number.parseInt(process.env.SMTP_PORT ?? '2525', 10);
const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
const info = await transport.sendMail({
  from: '"Maria Jensen" <maria.jensen@customer.example.net>',
  to: 'complaints@example.com',
  subject: 'Blender arrived with a cracked jug',
  text: [
    'Hello,',
    '',
    'I ordered a blender last week (order no. NW-48213) and it arrived today with a cracked jug.',
    'The box looked fine, so it must have been packed like that. I would like a replacement before the weekend.',
    '',
    'Best regards,',
    'Maria Jensen',
  ].join('\n'),
});
console.log(`Sent ${info.messageId} to ${info.accepted.join(', ')} via smtp://127.0.0.1:${port}. Watch the outbox, or run: npx complaints list`);
