import { describe, expect, it } from 'vitest';
import { agentReplyAddress, isValidAgentToken, recipientToken } from '#core/mailbox/agent-address';
import { parseAgentReply } from '#core/mailbox/agent-commands';
import { findThread, type ThreadLookups } from '#core/mailbox/thread';

const SECRET = 'mailbox-test-secret-0123456789';
const CATEGORIES = ['product', 'service', 'billing', 'delivery', 'other'];

describe('agent reply addresses', () => {
  it('carry the reference and an HMAC token that only the key can make', () => {
    const address = agentReplyAddress('complaints@example.com', 'CMP-ABCDEF', SECRET);
    expect(address).toMatch(/^complaints\+CMP-ABCDEF\.a\.[a-z0-9]{20}@example\.com$/);
    const token = recipientToken(address, 'complaints@example.com');
    expect(token?.reference).toBe('CMP-ABCDEF');
    expect(isValidAgentToken('CMP-ABCDEF', token!.agentToken!, SECRET)).toBe(true);
    expect(isValidAgentToken('CMP-GHJKLM', token!.agentToken!, SECRET)).toBe(false);
    expect(isValidAgentToken('CMP-ABCDEF', token!.agentToken!, 'another-secret-0123456789')).toBe(false);
  });

  it('reads customer plus addresses and ignores foreign ones', () => {
    expect(recipientToken('complaints+cmp-abcdef@example.com', 'complaints@example.com')).toEqual({ reference: 'CMP-ABCDEF' });
    expect(recipientToken('complaints@example.com', 'complaints@example.com')).toBeUndefined();
    expect(recipientToken('other+CMP-ABCDEF@example.com', 'complaints@example.com')).toBeUndefined();
    expect(recipientToken('complaints+CMP-ABCDEF@elsewhere.test', 'complaints@example.com')).toBeUndefined();
  });
});

describe('parseAgentReply', () => {
  it('relays plain words without quoted history or signature', () => {
    const parsed = parseAgentReply('Hi Maria,\n\nA new jug is on its way.\n\nSam\n\nOn Mon, 23 Nov 2026 at 10:00, Northwind <care@example.com> wrote:\n> New complaint', CATEGORIES);
    expect(parsed).toEqual({ commands: [], message: 'Hi Maria,\n\nA new jug is on its way.\n\nSam', errors: [] });
  });

  it('reads commands at the top and relays what follows', () => {
    const parsed = parseAgentReply('#category delivery\n#severity high\n\nWe have asked the carrier to trace the parcel.', CATEGORIES);
    expect(parsed.commands).toEqual([{ name: 'category', category: 'delivery' }, { name: 'severity', severity: 'high' }]);
    expect(parsed.message).toBe('We have asked the carrier to trace the parcel.');
  });

  it('keeps a #note internal and takes #resolve … #prevent as the agreement', () => {
    expect(parseAgentReply('#note Customer called, very upset.\nPromised a callback.', CATEGORIES)).toEqual({ commands: [{ name: 'note', text: 'Customer called, very upset.\nPromised a callback.' }], message: '', errors: [] });
    expect(parseAgentReply('#resolve Full refund of 49 EUR, paid today.\n#prevent Double charges are now blocked at checkout.', CATEGORIES).commands).toEqual([
      { name: 'resolve', agreement: 'Full refund of 49 EUR, paid today.', prevention: 'Double charges are now blocked at checkout.' },
    ]);
  });

  it('reports unknown and malformed commands instead of guessing', () => {
    expect(parseAgentReply('#resolv Refund sent', CATEGORIES).errors[0]).toMatch(/unknown command #resolv/);
    expect(parseAgentReply('#category weather', CATEGORIES).errors[0]).toMatch(/#category needs one of/);
    expect(parseAgentReply('#severity extreme', CATEGORIES).errors[0]).toMatch(/#severity needs one of: normal, high, urgent/);
    expect(parseAgentReply('#resolve', CATEGORIES).errors[0]).toMatch(/#resolve needs the agreed resolution/);
  });
});

describe('findThread', () => {
  const lookups = (known: Record<string, string>, customers: Record<string, string>): ThreadLookups => ({
    byMessageId: async (id) => known[id],
    customerOf: async (reference) => customers[reference],
  });
  const base = { from: 'jane@customer.test', recipients: ['complaints@example.com'], subject: 'Re: hello', references: [] as string[] };

  it('prefers the agent address, then Message-IDs, then the plus token, then the subject tag', async () => {
    const agent = agentReplyAddress('complaints@example.com', 'CMP-ABCDEF', SECRET);
    expect(await findThread({ ...base, recipients: [agent] }, 'complaints@example.com', lookups({}, {}))).toMatchObject({ kind: 'agent', reference: 'CMP-ABCDEF' });
    const l = lookups({ '<ack@eu-west-1.amazonses.com>': 'CMP-GHJKLM' }, { 'CMP-GHJKLM': 'jane@customer.test', 'CMP-ABCDEF': 'jane@customer.test' });
    expect(await findThread({ ...base, inReplyTo: '<ack@eu-west-1.amazonses.com>', recipients: ['complaints+CMP-ABCDEF@example.com'] }, 'complaints@example.com', l)).toEqual({ kind: 'customer', reference: 'CMP-GHJKLM', via: 'message-id' });
    expect(await findThread({ ...base, recipients: ['complaints+CMP-ABCDEF@example.com'] }, 'complaints@example.com', l)).toEqual({ kind: 'customer', reference: 'CMP-ABCDEF', via: 'plus-token' });
    expect(await findThread({ ...base, subject: 'Re: [CMP-ABCDEF] broken' }, 'complaints@example.com', l)).toEqual({ kind: 'customer', reference: 'CMP-ABCDEF', via: 'subject-tag' });
  });

  it('trusts the subject tag only from that complaint’s customer and otherwise opens a possibly related complaint', async () => {
    const l = lookups({}, { 'CMP-ABCDEF': 'jane@customer.test' });
    expect(await findThread({ ...base, from: 'someone@else.test', subject: '[CMP-ABCDEF] me too' }, 'complaints@example.com', l)).toEqual({ kind: 'new', possiblyRelatedTo: 'CMP-ABCDEF' });
    expect(await findThread({ ...base, subject: 'A new problem' }, 'complaints@example.com', l)).toEqual({ kind: 'new' });
  });
});
