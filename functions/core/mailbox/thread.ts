import { findReference } from '../reference.ts';
import { recipientToken } from './agent-address.ts';

export interface ThreadInput {
  from: string;
  recipients: readonly string[];
  subject: string;
  inReplyTo?: string;
  references: readonly string[];
}

export interface ThreadLookups {
  /** The complaint a Message-ID we know belongs to (ours as SES rewrote them, and the customer's). */
  byMessageId(messageId: string): Promise<string | undefined>;
  customerOf(reference: string): Promise<string | undefined>;
}

export type Thread =
  | { kind: 'agent'; reference: string; agentToken: string }
  | { kind: 'customer'; reference: string; via: 'message-id' | 'plus-token' | 'subject-tag' }
  | { kind: 'new'; possiblyRelatedTo?: string };

/**
 * Which conversation a message belongs to, most reliable evidence first: an agent-reply address;
 * In-Reply-To/References against every Message-ID we know; the plus token of the address it was
 * sent to; the [CMP-…] subject tag, but only from that complaint's customer. Anything weaker opens
 * a new complaint that names the one it may relate to.
 */
export async function findThread(input: ThreadInput, complaintAddress: string, lookups: ThreadLookups): Promise<Thread> {
  const tokens = input.recipients.map((address) => recipientToken(address, complaintAddress)).filter((token) => token !== undefined);
  const agent = tokens.find((token) => token.agentToken);
  if (agent?.agentToken) return { kind: 'agent', reference: agent.reference, agentToken: agent.agentToken };

  const ids = [input.inReplyTo, ...[...input.references].reverse()].filter((id): id is string => Boolean(id));
  for (const id of [...new Set(ids)]) {
    const reference = await lookups.byMessageId(id);
    if (reference) return { kind: 'customer', reference, via: 'message-id' };
  }

  const plus = tokens[0];
  const plusExists = plus ? Boolean(await lookups.customerOf(plus.reference)) : false;
  if (plus && plusExists) return { kind: 'customer', reference: plus.reference, via: 'plus-token' };

  const tagged = findReference(input.subject);
  if (tagged) {
    const customer = await lookups.customerOf(tagged);
    if (customer && customer === input.from.toLowerCase()) return { kind: 'customer', reference: tagged, via: 'subject-tag' };
    if (customer) return { kind: 'new', possiblyRelatedTo: tagged };
  }
  return { kind: 'new' };
}
