import type { ScreeningRule } from './types.ts';

/** Our own mail coming back to us (a forward, a misrouted copy) must never be answered. */
export const ownAddress: ScreeningRule = {
  name: 'own-address',
  check(input) {
    const from = input.from?.address;
    if (!from) return undefined;
    const own = input.ownAddresses.map(baseAddress);
    return own.includes(baseAddress(from)) ? `sent from our own address (${from})` : undefined;
  },
};

function baseAddress(address: string): string {
  const [local = '', domain = ''] = address.toLowerCase().split('@');
  return `${local.split('+')[0]}@${domain}`;
}
