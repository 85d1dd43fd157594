import type { ScreeningRule } from './types.ts';

/**
 * Our own mail coming back with its Message-ID intact (a redirecting alias, a misrouted copy):
 * the workflow sets `ownMessageId` when the Message-ID index says we sent that id. Only ids
 * under a domain we send from are looked up (`mayBeOwnMessageId`), so most mail costs no read.
 */
export const ownMessageId: ScreeningRule = {
  name: 'own-message-id',
  check: (input) => (input.ownMessageId ? `Message-ID ${input.ownMessageId} is one we sent (our own mail coming back)` : undefined),
};

/** SES rewrites the Message-ID of what we send to <id@REGION.amazonses.com> (us-east-1: email.amazonses.com). */
export function mayBeOwnMessageId(messageId: string | undefined, messageIdDomains: readonly string[]): boolean {
  const domain = /@([^@>]+)>?$/.exec(messageId ?? '')?.[1]?.toLowerCase();
  if (!domain) return false;
  return domain === 'amazonses.com' || domain.endsWith('.amazonses.com') || messageIdDomains.some((own) => own.toLowerCase() === domain);
}
