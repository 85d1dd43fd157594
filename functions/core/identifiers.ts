export interface IdentifierPatterns {
  account: readonly string[];
  order: readonly string[];
}

/** Account and order numbers the customer mentions, found by the configured patterns. */
export function findIdentifiers(text: string, patterns: IdentifierPatterns): { accountNumbers: string[]; orderNumbers: string[] } {
  return { accountNumbers: matchAll(text, patterns.account), orderNumbers: matchAll(text, patterns.order) };
}

function matchAll(text: string, sources: readonly string[]): string[] {
  const found = new Set<string>();
  for (const source of sources) {
    for (const match of text.matchAll(new RegExp(source, 'giu'))) {
      const value = (match[1] ?? match[0]).trim();
      if (value) found.add(value);
      if (found.size >= 20) return [...found];
    }
  }
  return [...found];
}
