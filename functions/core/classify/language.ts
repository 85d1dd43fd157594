/**
 * First-cut language detection by function-word profiles. Danish and Norwegian Bokmål share most
 * function words, so each profile also lists spellings only one of them uses.
 */
const PROFILES: Record<string, readonly string[]> = {
  en: ['the', 'and', 'is', 'was', 'not', 'have', 'with', 'this', 'that', 'my', 'you', 'for', 'your', 'would', 'been', 'please', 'order', 'received'],
  da: ['og', 'ikke', 'jeg', 'det', 'har', 'af', 'til', 'mig', 'meget', 'hvad', 'nu', 'efter', 'hvis', 'kun', 'også', 'være', 'blev', 'jeres', 'kunne', 'modtaget', 'købte', 'venlig', 'hilsen', 'desværre'],
  nb: ['og', 'ikke', 'jeg', 'det', 'har', 'av', 'til', 'meg', 'veldig', 'hva', 'nå', 'etter', 'hvis', 'bare', 'også', 'være', 'ble', 'deres', 'kunne', 'mottatt', 'kjøpte', 'vennlig', 'hilsen', 'dessverre', 'ikkje', 'fikk', 'enn'],
  sv: ['och', 'inte', 'jag', 'det', 'har', 'av', 'till', 'mig', 'mycket', 'vad', 'nu', 'efter', 'om', 'bara', 'också', 'vara', 'blev', 'ert', 'kunde', 'fick', 'köpte', 'vänliga', 'hälsningar', 'tyvärr', 'är'],
  de: ['und', 'nicht', 'ich', 'das', 'habe', 'mit', 'ist', 'die', 'der', 'mein', 'meine', 'sie', 'ihr', 'bitte', 'wurde', 'bestellung', 'leider', 'für', 'auf', 'eine'],
  fi: ['ja', 'ei', 'minä', 'olen', 'oli', 'se', 'että', 'kanssa', 'tilaus', 'minun', 'mutta', 'kun', 'ole', 'tämä', 'vielä', 'olisi', 'kiitos', 'valitettavasti'],
  et: ['ja', 'ei', 'ma', 'mina', 'on', 'oli', 'see', 'et', 'minu', 'teie', 'tellimus', 'kuid', 'aga', 'kui', 'veel', 'oleks', 'palun', 'kahjuks', 'tere', 'lugupidamisega', 'sain', 'pole'],
};

const DISTINCTIVE_CHARACTERS: Record<string, RegExp> = {
  da: /[æø]/g,
  nb: /[æø]/g,
  sv: /[äö]/g,
  de: /[äöüß]/g,
  fi: /[äö]/g,
  et: /[õäöü]/g,
};

export interface LanguageGuess {
  language: string;
  confidence: number;
}

export function detectLanguage(text: string, fallback: string): LanguageGuess {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 3) return { language: fallback, confidence: 0 };
  const scores = new Map<string, number>();
  for (const [language, profile] of Object.entries(PROFILES)) {
    const vocabulary = new Set(profile);
    let score = 0;
    for (const word of words) if (vocabulary.has(word)) score += 1;
    const characters = DISTINCTIVE_CHARACTERS[language];
    if (characters) score += Math.min(3, (text.toLowerCase().match(characters) ?? []).length * 0.2);
    if (language === 'et' && /õ/.test(text)) score += 3;
    scores.set(language, score / Math.sqrt(words.length));
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] === 0) return { language: fallback, confidence: 0 };
  const margin = second ? best[1] - second[1] : best[1];
  return { language: best[0], confidence: Math.min(1, margin / Math.max(best[1], 1e-9)) };
}
