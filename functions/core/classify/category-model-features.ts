/**
 * The features of the category model: character 4-grams of folded words of 3+ letters, and the
 * first five letters of words of 5+ letters (a stem: "reklamation", "reklamere" and "reklamera"
 * share "rekla"; held-out batches were classified better with both than with 4-grams alone).
 */
import { cleanSubject, fold, ownText } from './text.ts';

/** Grams the model can store: letters a–z and the word boundaries < and > (4-grams), or a 5-letter stem. */
export const MODEL_GRAM_ALPHABET = /^(?:[a-z<>]{4}|[a-z]{5})$/;
export const STEM_LENGTH = 5;

export function gramsOfText(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of fold(text).match(/\p{L}+/gu) ?? []) {
    if (word.length < 3) continue;
    const marked = `<${word}>`;
    for (let start = 0; start + 4 <= marked.length; start += 1) grams.add(marked.slice(start, start + 4));
    if (word.length >= STEM_LENGTH) grams.add(word.slice(0, STEM_LENGTH));
  }
  return grams;
}

export function modelGrams(subject: string, body: string): Set<string> {
  return gramsOfText(`${cleanSubject(subject)}\n${ownText(body)}`);
}
