import type { ScreeningRule } from './types.ts';

/** Our own mail coming back to us (a forward, a misrouted copy) must never be answered. */
export const ownAddress: ScreeningRule = {
  name: 'own-address',
  check(input) {
    const own = new Set(input.ownAddresses.map(baseAddress));
    for (const address of [input.from?.address, input.envelopeSender]) {
      if (address && own.has(baseAddress(address))) return `sent from our own address (${address})`;
    }
    return undefined;
  },
};

/** complaints+CMP-ABCDEF@example.com → complaints@example.com */
export function baseAddress(address: string): string {
  const [local = '', domain = ''] = address.replace(/^<|>$/g, '').trim().toLowerCase().split('@');
  return `${local.split('+')[0]}@${domain}`;
}
