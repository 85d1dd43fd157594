/**
 * Language detection for en, da, nb, sv, de, et, fi.
 *
 * 1. Character n-grams: the scoring of the Efficient Language Detector (eld), with its n-gram
 *    database restricted to our seven languages and pruned (language-data.ts, ~65 KB). eld is
 *    accurate on whole messages but, like every n-gram detector, leans Danish on Norwegian text
 *    and is weak on a line or two.
 * 2. Words and spelling (language-lexicon.ts) settle the neighbours the n-grams confuse: Danish
 *    against Norwegian Bokmål always, and any two languages whose n-gram scores are close
 *    (Swedish against Danish/Norwegian, Estonian against Finnish, English loanwords).
 * 3. Orthography that no n-gram average should outvote: õ is only Estonian; æ/ø never Swedish.
 * 4. When the text is too short or nothing separates the candidates: the customer's previous
 *    language, then the configured default (preferring one of them when it is a candidate).
 */
import { NGRAM_BASE_SCORE, NGRAM_HIGH_BYTES, NGRAM_LEVELS, NGRAM_QUANTUM } from './language-data.ts';
import { DA_NB_PATTERNS, LEXICON } from './language-lexicon.ts';
import { words as splitWords } from './text.ts';

export const SUPPORTED_LANGUAGES = ['en', 'da', 'nb', 'sv', 'de', 'et', 'fi'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export interface LanguageGuess {
  /** One of SUPPORTED_LANGUAGES, or the previous/default language when unsure. */
  language: string;
  /** 0 … 1: how clearly the text beat the runner-up (0 when we fell back). */
  confidence: number;
  /** True when the text did not decide and the previous or default language was used. */
  fellBack: boolean;
  /** Why, in a few words, for the signals. */
  reason: string;
}

export interface LanguageOptions {
  defaultLanguage: string;
  /** The language of the customer's earlier messages, if we know it. */
  previousLanguage?: string | undefined;
}

/** Fewer letters than this and the text is not evidence of anything. */
const MIN_LETTERS = 12;
/** n-gram candidates within this share of the best score compete on words and spelling. */
const CLOSE_RATIO = 0.12;
const STRONG_WORD = 2;
const WEAK_WORD = 0.5;

// ---------------------------------------------------------------------------------------------
// n-gram model (built on first use: ~10k entries, a few milliseconds)

let model: Map<string, Float32Array> | undefined;
const LANGUAGE_INDEX = new Map<string, number>(SUPPORTED_LANGUAGES.map((language, index) => [language, index]));
const HIGH_BYTE_CHAR = new Map<number, string>(NGRAM_HIGH_BYTES.map((byte, index) => [byte, String.fromCharCode(65 + index)]));
const encoder = new TextEncoder();

function ngramModel(): Map<string, Float32Array> {
  if (model) return model;
  const built = new Map<string, Float32Array>();
  for (const [language, levels] of Object.entries(NGRAM_LEVELS)) {
    const index = LANGUAGE_INDEX.get(language);
    if (index === undefined) continue;
    levels.forEach((coded, level) => {
      // Front-coded (see language-data.ts): a digit says how much of the previous key to keep.
      let previous = '';
      for (const entry of coded.match(/\d[^\d]*/g) ?? []) {
        const key = previous.slice(0, Number(entry[0])) + entry.slice(1);
        previous = key;
        let scores = built.get(key);
        if (!scores) built.set(key, (scores = new Float32Array(SUPPORTED_LANGUAGES.length)));
        scores[index] = level * NGRAM_QUANTUM + NGRAM_BASE_SCORE;
      }
    });
  }
  model = built;
  return built;
}

/** eld's key for a word: its UTF-8 bytes, high bytes written as the capitals of the data file. */
function byteWord(word: string): string {
  let out = '';
  for (const byte of encoder.encode(word)) out += byte < 0x80 ? String.fromCharCode(byte) : (HIGH_BYTE_CHAR.get(byte) ?? '#');
  return out;
}

/** eld's n-grams: 4 bytes, stride 3, a leading space at a word's start and a trailing one at its end. */
function ngramsOf(words: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const word of words) {
    const bytes = byteWord(word);
    const length = Math.min(bytes.length, 70);
    let start = 0;
    for (; start + 4 < length; start += 3) grams.add((start === 0 ? ' ' : '') + bytes.substring(start, start + 4));
    grams.add((start === 0 ? ' ' : '') + bytes.substring(length !== 3 ? length - 4 : 0) + ' ');
  }
  return grams;
}

function ngramScores(words: readonly string[]): Float64Array {
  const table = ngramModel();
  const scores = new Float64Array(SUPPORTED_LANGUAGES.length);
  for (const gram of ngramsOf(words)) {
    const entry = table.get(gram);
    if (entry) for (let index = 0; index < entry.length; index += 1) scores[index]! += entry[index]!;
  }
  return scores;
}

// ---------------------------------------------------------------------------------------------
// words and spelling

const LEXICON_WEIGHTS: Map<string, Map<string, number>> = (() => {
  const table = new Map<string, Map<string, number>>();
  for (const [language, entry] of Object.entries(LEXICON)) {
    const add = (list: string, weight: number) => {
      for (const word of list.split(' ')) {
        if (!word) continue;
        let languages = table.get(word);
        if (!languages) table.set(word, (languages = new Map()));
        languages.set(language, Math.max(languages.get(language) ?? 0, weight));
      }
    };
    add(entry.weak, WEAK_WORD);
    add(entry.strong, STRONG_WORD);
  }
  return table;
})();

interface Evidence {
  scores: Map<string, number>;
  notes: Map<string, string[]>;
}

function lexicalEvidence(words: readonly string[], text: string): Evidence {
  const scores = new Map<string, number>(SUPPORTED_LANGUAGES.map((language) => [language, 0]));
  const notes = new Map<string, string[]>(SUPPORTED_LANGUAGES.map((language) => [language, []]));
  const note = (language: string, what: string, weight: number) => {
    scores.set(language, (scores.get(language) ?? 0) + weight);
    const list = notes.get(language)!;
    if (list.length < 6 && !list.includes(what)) list.push(what);
  };
  for (const word of words) {
    const languages = LEXICON_WEIGHTS.get(word);
    if (languages) for (const [language, weight] of languages) note(language, word, weight);
    for (const { language, pattern, what } of DA_NB_PATTERNS) if (pattern.test(word)) note(language, what, 1);
  }
  // Orthography. Names and addresses in a signature can carry one stray letter; a count cannot.
  const lower = text.toLowerCase();
  const count = (pattern: RegExp) => (lower.match(pattern) ?? []).length;
  const estonianO = count(/õ/g);
  if (estonianO > 0) note('et', 'õ', 3 * Math.min(estonianO, 4));
  const aeOe = count(/[æø]/g);
  const aUmlautOUmlaut = count(/[äö]/g);
  if (aeOe > 0 && aUmlautOUmlaut === 0) for (const language of ['sv', 'de', 'fi', 'et']) note(language, 'æ/ø', -2 * Math.min(aeOe, 4));
  if (aUmlautOUmlaut > 0 && aeOe === 0) for (const language of ['da', 'nb']) note(language, 'ä/ö', -2 * Math.min(aUmlautOUmlaut, 4));
  if (count(/ß/g) > 0) note('de', 'ß', 2);
  const y = count(/y/g);
  if (y >= 2 && words.length > 0 && y / words.length > 0.15) note('fi', 'y', 2);
  return { scores, notes };
}

// ---------------------------------------------------------------------------------------------

export function normaliseLanguage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const base = code.toLowerCase().split(/[-_]/)[0];
  if (!base) return undefined;
  return base === 'no' || base === 'nn' ? 'nb' : base;
}

function fallBack(options: LanguageOptions, candidates: readonly string[], reason: string, guess?: string): LanguageGuess {
  const previous = normaliseLanguage(options.previousLanguage);
  const preferred = normaliseLanguage(options.defaultLanguage);
  // Among the candidates the text left open: the customer's previous language, then the default,
  // then our best guess. With no candidates at all: previous, then default.
  if (candidates.length > 0) {
    if (previous && candidates.includes(previous)) return { language: previous, confidence: 0, fellBack: true, reason: `${reason}; previous language` };
    if (preferred && candidates.includes(preferred)) return { language: options.defaultLanguage, confidence: 0, fellBack: true, reason: `${reason}; default language` };
    if (guess) return { language: guess, confidence: 0.1, fellBack: false, reason: `${reason}; best guess` };
  }
  if (previous) return { language: previous, confidence: 0, fellBack: true, reason: `${reason}; previous language` };
  return { language: options.defaultLanguage, confidence: 0, fellBack: true, reason: `${reason}; default language` };
}

/**
 * The language of a complaint. `text` should be the customer's own words (see ownText); the
 * second argument may still be a bare default language, as in the first cut.
 */
export function detectLanguage(text: string, optionsOrDefault: LanguageOptions | string): LanguageGuess {
  const options: LanguageOptions = typeof optionsOrDefault === 'string' ? { defaultLanguage: optionsOrDefault } : optionsOrDefault;
  const words = splitWords(text);
  const letters = words.reduce((sum, word) => sum + word.length, 0);
  if (letters < MIN_LETTERS || words.length < 2) return fallBack(options, [], 'too little text');

  const ngram = ngramScores(words);
  const best = Math.max(...ngram);
  if (best <= 0) return fallBack(options, [], 'no known n-grams');
  const evidence = lexicalEvidence(words, text);

  // Candidates: every language whose n-gram score is close to the best; Danish and Norwegian
  // always compete together, their n-gram scores do not separate them reliably.
  const ranked = SUPPORTED_LANGUAGES.map((language, index) => ({ language, ngram: ngram[index]! / best })).sort((a, b) => b.ngram - a.ngram);
  const top = ranked[0]!;
  const candidates = new Set<string>(ranked.filter((entry) => entry.ngram >= 1 - CLOSE_RATIO).map((entry) => entry.language));
  // Function words outweigh n-grams on a line or two ("Ich sehe fremde Kundendaten").
  const closeWords = Math.max(...[...candidates].map((language) => evidence.scores.get(language) ?? 0));
  for (const [language, score] of evidence.scores) if (score >= 2 * STRONG_WORD && score >= closeWords + STRONG_WORD) candidates.add(language);
  if (candidates.has('da') || candidates.has('nb')) {
    candidates.add('da');
    candidates.add('nb');
  }
  if (candidates.size === 1) {
    const second = ranked[1]?.ngram ?? 0;
    return { language: top.language, confidence: Math.min(1, (1 - second) / CLOSE_RATIO), fellBack: false, reason: 'character n-grams' };
  }

  // Words and spelling decide between the candidates; the n-gram share breaks a tie.
  const contest = [...candidates]
    .map((language) => ({
      language,
      words: evidence.scores.get(language) ?? 0,
      ngram: ranked.find((entry) => entry.language === language)?.ngram ?? 0,
    }))
    .sort((a, b) => b.words - a.words || b.ngram - a.ngram);
  const winner = contest[0]!;
  const runnerUp = contest[1]!;
  const lead = winner.words - runnerUp.words;
  const clues = (evidence.notes.get(winner.language) ?? []).join(', ');
  if (lead >= 1.5) {
    return { language: winner.language, confidence: Math.min(1, lead / 6), fellBack: false, reason: `n-grams, then words over ${runnerUp.language}: ${clues}` };
  }
  // Nothing separates them. If the n-grams did (not for da/nb), trust them a little.
  const ngramLeader = [...contest].sort((a, b) => b.ngram - a.ngram)[0]!;
  const ngramGap = ngramLeader.ngram - Math.max(...contest.filter((entry) => entry !== ngramLeader).map((entry) => entry.ngram));
  const daNbOnly = contest.every((entry) => entry.language === 'da' || entry.language === 'nb');
  if (!daNbOnly && ngramGap >= CLOSE_RATIO / 2 && lead >= 0) {
    return { language: ngramLeader.language, confidence: 0.3, fellBack: false, reason: 'character n-grams (close)' };
  }
  const open = contest.filter((entry) => winner.words - entry.words < 1.5).map((entry) => entry.language);
  return fallBack(options, open, `undecided between ${open.join('/')}`, lead > 0 ? winner.language : ngramLeader.language);
}
