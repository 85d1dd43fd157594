/** First-cut category cues across the seed languages; the classification work refines them. */
export const CATEGORY_CUES: Record<string, readonly string[]> = {
  product: ['broken', 'defect', 'faulty', 'stopped working', 'quality', 'wrong item', 'not as described', 'damaged product', 'i stykker', 'defekt', 'virker ikke', 'fungerer ikke', 'kvalitet', 'forkert vare', 'feil vare', 'katki', 'defektne', 'ei tööta', 'kvaliteet', 'vale toode', 'kaputt', 'funktioniert nicht', 'trasig', 'fungerar inte'],
  service: ['rude', 'staff', 'waiting', 'no answer', 'no reply', 'appointment', 'ignored', 'unfriendly', 'customer service', 'uhøflig', 'personale', 'ventet', 'intet svar', 'ikke svar', 'ingen svar', 'avtale', 'aftale', 'ebaviisakas', 'teenindus', 'ootasin', 'vastust pole', 'unhöflich', 'otrevlig', 'personal', 'kundeservice', 'kundtjänst'],
  billing: ['invoice', 'charged', 'charge', 'refund', 'payment', 'price', 'bill', 'overcharged', 'double', 'faktura', 'regning', 'betaling', 'refusion', 'refundering', 'pris', 'trukket', 'arve', 'makse', 'hind', 'tagasimakse', 'rechnung', 'zahlung', 'erstattung', 'betalning', 'återbetalning'],
  delivery: ['delivery', 'delivered', 'shipping', 'parcel', 'package', 'arrived', 'never arrived', 'late', 'lost', 'courier', 'tracking', 'levering', 'leveret', 'levert', 'pakke', 'forsinket', 'kom aldrig', 'kom aldri', 'tarne', 'pakk', 'hilinenud', 'kuller', 'lieferung', 'paket', 'leverans', 'försenad'],
};

export function classifyCategory(text: string, cues: Record<string, readonly string[]> = CATEGORY_CUES): { category: string; signals: string[] } {
  const haystack = text.toLowerCase();
  let best = { category: 'other', score: 0, signals: [] as string[] };
  for (const [category, words] of Object.entries(cues)) {
    const matched = words.filter((word) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(word)}`, 'u').test(haystack));
    if (matched.length > best.score) best = { category, score: matched.length, signals: matched };
  }
  return { category: best.category, signals: best.signals.map((word) => `category cue "${word}"`) };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
