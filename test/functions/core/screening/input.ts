import type { ScreeningInput } from '#core/screening/index';

export type Overrides = Omit<Partial<ScreeningInput>, 'headers' | 'verdicts'> & { headers?: Record<string, string>; verdicts?: Partial<ScreeningInput['verdicts']> };

/** An ordinary customer's mail, as the screening rules see it, changed by `overrides`. */
export function screeningInput(overrides: Overrides = {}): ScreeningInput {
  const headers = new Map(Object.entries(overrides.headers ?? {}).map(([name, value]) => [name.toLowerCase(), [value]]));
  return {
    contentType: 'text/plain',
    subject: 'My order never arrived',
    from: { address: 'jane@customer.test', name: 'Jane' },
    envelopeSender: 'jane@customer.test',
    ownAddresses: ['care@example.com', 'complaints@example.com', 'agents@example.com'],
    ...overrides,
    verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', ...overrides.verdicts },
    headers,
  };
}
