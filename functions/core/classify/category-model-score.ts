/**
 * Naive Bayes over the 4-grams in category-model.ts: the back-off for complaints whose cues are
 * weak. Log-probabilities with add-0.1 smoothing over the kept grams; grams the model never kept
 * are ignored.
 */
import { MODEL_CATEGORIES, MODEL_DOCUMENTS, MODEL_GRAMS } from './category-model.ts';

const SMOOTHING = 0.1;
const COUNT_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

interface Model {
  grams: Map<string, Uint8Array>;
  totals: number[];
  documents: number;
}

let model: Model | undefined;

function load(): Model {
  if (model) return model;
  const grams = new Map<string, Uint8Array>();
  const width = MODEL_CATEGORIES.length;
  let previous = '';
  for (let position = 0; position < MODEL_GRAMS.length; ) {
    const shared = Number(MODEL_GRAMS[position]);
    const gram = previous.slice(0, shared) + MODEL_GRAMS.slice(position + 1, position + 1 + 4 - shared);
    position += 1 + 4 - shared;
    const counts = new Uint8Array(width);
    for (let index = 0; index < width; index += 1) counts[index] = COUNT_DIGITS.indexOf(MODEL_GRAMS[position + index]!);
    position += width;
    grams.set(gram, counts);
    previous = gram;
  }
  const totals = MODEL_CATEGORIES.map((_, index) => {
    let sum = 0;
    for (const counts of grams.values()) sum += counts[index]!;
    return sum;
  });
  model = { grams, totals, documents: MODEL_DOCUMENTS.reduce((sum, count) => sum + count, 0) };
  return model;
}

export interface ModelVerdict {
  category: string;
  /** How many of the text's grams the model knows: little evidence below a handful. */
  known: number;
  /** Posterior probability of the winner among `allowed`. */
  probability: number;
}

/** The most probable of `allowed` categories (names as in the model), or undefined if none is in it. */
export function modelCategory(grams: ReadonlySet<string>, allowed: ReadonlySet<string>): ModelVerdict | undefined {
  const { grams: table, totals, documents } = load();
  const vocabulary = table.size;
  const candidates = MODEL_CATEGORIES.map((category, index) => ({ category, index })).filter(({ category }) => allowed.has(category));
  if (candidates.length === 0) return undefined;
  const logs = candidates.map(({ index }) => Math.log(MODEL_DOCUMENTS[index]! / documents));
  let known = 0;
  for (const gram of grams) {
    const counts = table.get(gram);
    if (!counts) continue;
    known += 1;
    candidates.forEach(({ index }, position) => {
      logs[position]! += Math.log((counts[index]! + SMOOTHING) / (totals[index]! + SMOOTHING * vocabulary));
    });
  }
  const best = Math.max(...logs);
  const normaliser = logs.reduce((sum, value) => sum + Math.exp(value - best), 0);
  const winner = logs.indexOf(best);
  return { category: candidates[winner]!.category, known, probability: 1 / normaliser };
}
