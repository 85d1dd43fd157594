/**
 * Cue matching shared by categories and severity.
 *
 * A cue is one or more words, matched against whole words of the text after both are folded
 * (lower case, diacritics stripped, æ → ae, ø → o, ß → ss):
 *
 *   refund        the word "refund" only
 *   refund*       a word starting with "refund": refund, refunds, refunded, refunding
 *   *faktura*     a word containing "faktura": faktura, fakturaen, elfaktura (compounds)
 *   *lieferung    a word ending in "lieferung": Lieferung, Nachlieferung
 *   never arrived consecutive words
 *   caught ... fire  "..." stands for up to three words in between: caught fire, caught on fire
 */
import { fold } from './text.ts';

export const GAP = '...';
const MAX_GAP = 3;

type TokenMatcher = (word: string) => boolean;

export interface CompiledCue {
  /** The cue as written (for signals). */
  source: string;
  /** Folded form, identical for the same cue written under several languages. */
  key: string;
  weight: number;
  tokens: ReadonlyArray<TokenMatcher | typeof GAP>;
  /** Quick rejection: the first word exactly, or the first three letters of its start. */
  firstWord?: string;
  firstPrefix?: string;
}

/** A text's folded words, with lookups that let most cues be rejected without a scan. */
export interface CueText {
  words: readonly string[];
  wordSet: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
  /** Indexes of words that begin a sentence or clause (after . ! ? ; : – or a line break). */
  sentenceStarts: ReadonlySet<number>;
}

/** Why a cue is not valid, or undefined when it is. Used by the config schema. */
export function cueProblem(cue: string): string | undefined {
  const tokens = tokenizeCue(cue);
  if (tokens.length === 0) return 'a cue needs at least one word';
  if (tokens[0] === GAP || tokens[tokens.length - 1] === GAP) return `"..." may only stand between two words`;
  for (const token of tokens) {
    if (token === GAP) continue;
    const core = token.replace(/^\*|\*$/g, '');
    if (core.includes('*')) return `"*" may only start or end a word (in "${token}")`;
    if (core.length === 0) return `"${token}" matches every word`;
    if (token !== core && core.length < 3) return `"${token}": a word part needs at least 3 letters`;
  }
  return undefined;
}

function tokenizeCue(cue: string): string[] {
  return fold(cue)
    .split(/[^\p{L}\p{N}*'.]+/u)
    .flatMap((part) => (part === GAP ? [part] : part.split('.').filter((piece) => piece.length > 0)))
    .filter((part) => part.length > 0);
}

export function compileCue(cue: string, weight = 1): CompiledCue {
  const parts = tokenizeCue(cue);
  const tokens = parts.map((token): TokenMatcher | typeof GAP => {
    if (token === GAP) return GAP;
    const starts = token.startsWith('*');
    const ends = token.endsWith('*');
    const core = token.replace(/^\*|\*$/g, '');
    if (starts && ends) return (word) => word.includes(core);
    if (ends) return (word) => word.startsWith(core);
    if (starts) return (word) => word.endsWith(core);
    return (word) => word === core;
  });
  const first = parts[0] ?? '';
  const quick: Pick<CompiledCue, 'firstWord' | 'firstPrefix'> = {};
  if (!first.startsWith('*') && !first.endsWith('*')) quick.firstWord = first;
  else if (!first.startsWith('*')) quick.firstPrefix = first.slice(0, 3);
  return { source: cue, key: parts.join(' '), weight, tokens, ...quick };
}

/** Folded words of a text, in order, indexed for cueMatches. */
export function cueText(text: string): CueText {
  const words: string[] = [];
  const sentenceStarts = new Set<number>([0]);
  let previousEnd = 0;
  const folded = fold(text);
  for (const match of folded.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu)) {
    if (/[.!?;:\n\u2013\u2014]/u.test(folded.slice(previousEnd, match.index))) sentenceStarts.add(words.length);
    words.push(match[0]);
    previousEnd = match.index + match[0].length;
  }
  return { words, wordSet: new Set(words), prefixes: new Set(words.map((word) => word.slice(0, 3))), sentenceStarts };
}

/** The index of the first word of the sentence that holds word `index`. */
export function sentenceStart(text: CueText, index: number): number {
  for (let at = index; at > 0; at -= 1) if (text.sentenceStarts.has(at)) return at;
  return 0;
}

/** The index after the last word of a match of tokens[tokenIndex…] starting at wordIndex, or -1. */
function matchEnd(tokens: CompiledCue['tokens'], words: readonly string[], tokenIndex: number, wordIndex: number): number {
  if (tokenIndex === tokens.length) return wordIndex;
  const token = tokens[tokenIndex]!;
  if (token === GAP) {
    for (let skip = 0; skip <= MAX_GAP && wordIndex + skip <= words.length; skip += 1) {
      const end = matchEnd(tokens, words, tokenIndex + 1, wordIndex + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const word = words[wordIndex];
  return word !== undefined && token(word) ? matchEnd(tokens, words, tokenIndex + 1, wordIndex + 1) : -1;
}

/** Where the cue occurs in the text: [first word, after last word) of every occurrence. */
export function cueSpans(cue: CompiledCue, text: CueText): Array<[number, number]> {
  if (cue.firstWord !== undefined && !text.wordSet.has(cue.firstWord)) return [];
  if (cue.firstPrefix !== undefined && !text.prefixes.has(cue.firstPrefix)) return [];
  const first = cue.tokens[0];
  if (first === undefined || first === GAP) return [];
  const { words } = text;
  const spans: Array<[number, number]> = [];
  for (let index = 0; index < words.length; index += 1) {
    if (!first(words[index]!)) continue;
    const end = matchEnd(cue.tokens, words, 1, index + 1);
    if (end >= 0) spans.push([index, end]);
  }
  return spans;
}

/** Does the cue occur anywhere in the text? */
export function cueMatches(cue: CompiledCue, text: CueText): boolean {
  return cueSpans(cue, text).length > 0;
}

/**
 * Words already claimed by a stronger cue: a weaker cue on the same words ("vastus*" inside
 * "vastust pole", "has stopped" inside "has stopped working") adds nothing.
 */
export class ClaimedWords {
  private readonly claimed = new Set<number>();

  /** Claims the first occurrence that is still free; false when every occurrence is taken. */
  claim(spans: ReadonlyArray<readonly [number, number]>): boolean {
    for (const [start, end] of spans) {
      let free = true;
      for (let index = start; index < end && free; index += 1) if (this.claimed.has(index)) free = false;
      if (!free) continue;
      for (let index = start; index < end; index += 1) this.claimed.add(index);
      return true;
    }
    return false;
  }
}
