import type { Complaint, TimelineEvent } from '#core/complaint';
import { renderEmail, type ResolutionLetterContext } from '#templates/render';
import { brandContext, sendToCustomer, type OutboundDeps } from './outbound.ts';
import type { SendOutcome } from './ports.ts';
import { firstSentences } from './text.ts';

/** The contacts a letter lists: the conversation after the complaint, oldest first. */
const CONTACT_EVENTS = new Set(['agent-reply', 'customer-reply']);

export function resolutionLetterContext(complaint: Complaint, timeline: TimelineEvent[], deps: Pick<OutboundDeps, 'config'>): ResolutionLetterContext {
  const resolution = complaint.resolution!;
  const agentsInvolved = [...new Set(timeline.filter((event) => event.type === 'agent-reply' && event.actor !== resolution.resolvedBy).map((event) => event.actor))];
  return {
    brand: brandContext(deps.config),
    customer: { name: complaint.customer.name },
    complaint: { reference: complaint.reference, subject: complaint.subject, receivedAt: complaint.receivedAt, summary: firstSentences(complaint.body) || complaint.subject },
    letter: { date: resolution.resolvedAt, cc: agentsInvolved.map((name) => ({ name })) },
    contacts: timeline.filter((event) => CONTACT_EVENTS.has(event.type)).map((event) => ({ date: event.at, summary: event.summary })),
    resolution: { agreement: resolution.summary, prevention: resolution.prevention ?? '' },
    signatory: { name: resolution.resolvedBy, title: resolution.resolvedByTitle ?? deps.config.brand.signOff },
  };
}

export interface LetterAttachment {
  filename: string;
  content: Buffer;
  s3Key: string;
}

/** Renders and sends the letter; `attach` produces (and stores) the PDF of the same letter. */
export async function sendResolutionLetter(
  complaint: Complaint,
  timeline: TimelineEvent[],
  deps: OutboundDeps,
  expiresAt: number,
  attach?: (context: ResolutionLetterContext, locale: string) => Promise<LetterAttachment>,
): Promise<SendOutcome> {
  const context = resolutionLetterContext(complaint, timeline, deps);
  const options = { locale: complaint.classification.language, fallbackLocale: deps.config.defaultLocale };
  const rendered = renderEmail('resolution-letter', context, options);
  const pdf = attach ? await attach(context, rendered.locale) : undefined;
  return sendToCustomer(complaint, { kind: 'resolution-letter', sequence: 0 }, rendered, deps, expiresAt, {
    attachments: pdf ? [{ filename: pdf.filename, contentType: 'application/pdf', content: pdf.content }] : undefined,
  });
}
