// PLACEHOLDER until the templates issue lands: a plain-text acknowledgement so the spine can send.
// The templates work replaces this module's internals and keeps `renderEmail`'s signature.
import { z } from 'zod';

export const brandContextSchema = z.object({
  name: z.string(),
  postalAddress: z.array(z.string()),
  website: z.string().optional(),
  signOff: z.string(),
});

export const acknowledgementContextSchema = z.object({
  brand: brandContextSchema,
  customer: z.object({ name: z.string() }),
  complaint: z.object({ reference: z.string(), subject: z.string(), receivedAt: z.string() }),
  sla: z.object({
    firstResponseDue: z.string(),
    resolutionDue: z.string(),
    firstResponseWithin: z.string(),
    resolutionWithin: z.string(),
  }),
});
export type AcknowledgementContext = z.infer<typeof acknowledgementContextSchema>;

export interface EmailContexts {
  acknowledgement: AcknowledgementContext;
}
export type EmailKind = keyof EmailContexts;

export interface RenderedEmail {
  kind: EmailKind;
  locale: string;
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  locale: string;
  fallbackLocale: string;
}

export function renderEmail<K extends EmailKind>(kind: K, context: EmailContexts[K], options: RenderOptions): RenderedEmail {
  const ctx = acknowledgementContextSchema.parse(context);
  const text = [
    `Dear ${ctx.customer.name},`,
    '',
    `Thank you for telling us about this. We are sorry for the trouble it has caused you.`,
    `Your complaint is registered under reference ${ctx.complaint.reference}.`,
    `A member of our team will reply by ${ctx.sla.firstResponseDue}, and we aim to resolve it by ${ctx.sla.resolutionDue}.`,
    'If you have more details, simply reply to this email.',
    '',
    ctx.brand.signOff,
    ctx.brand.name,
  ].join('\n');
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    kind,
    locale: options.locale,
    subject: `We have received your complaint: ${ctx.complaint.subject}`.replace(/[\r\n]+/g, ' '),
    html: `<pre>${escaped}</pre>`,
    text,
  };
}
