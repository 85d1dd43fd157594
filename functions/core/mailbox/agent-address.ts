import { createHmac, timingSafeEqual } from 'node:crypto';
import { REFERENCE_PATTERN } from '../reference.ts';

/**
 * The Reply-To of an agent notification: complaints+CMP-7F3K2Q.a.<token>@domain. The token is an
 * HMAC of the reference, so it is unguessable, needs no storage, and names its complaint.
 */
const TOKEN_CHARS = 20;

export function agentToken(reference: string, secret: string): string {
  return createHmac('sha256', secret).update(`agent-reply:${reference}`).digest('base64url').replace(/[-_]/g, '').slice(0, TOKEN_CHARS).toLowerCase();
}

export function agentReplyAddress(complaintAddress: string, reference: string, secret: string): string {
  const [local, domain] = complaintAddress.split('@');
  return `${local}+${reference}.a.${agentToken(reference, secret)}@${domain}`;
}

export interface RecipientToken {
  reference: string;
  /** Present when the address is an agent-reply address; not yet verified. */
  agentToken?: string;
}

/** Reads the plus token of one of our recipient addresses. */
export function recipientToken(address: string, complaintAddress: string): RecipientToken | undefined {
  const [local = '', domain = ''] = address.toLowerCase().split('@');
  const [ourLocal = '', ourDomain = ''] = complaintAddress.toLowerCase().split('@');
  if (domain !== ourDomain) return undefined;
  const plus = local.indexOf('+');
  if (plus < 0 || local.slice(0, plus) !== ourLocal) return undefined;
  const [referencePart = '', marker, token] = local.slice(plus + 1).split('.');
  const match = REFERENCE_PATTERN.exec(referencePart.toUpperCase());
  if (!match || match[0] !== referencePart.toUpperCase()) return undefined;
  const reference = `CMP-${match[1]}`;
  return marker === 'a' && token ? { reference, agentToken: token } : { reference };
}

export function isValidAgentToken(reference: string, token: string, secret: string): boolean {
  const expected = Buffer.from(agentToken(reference, secret));
  const given = Buffer.from(token.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
