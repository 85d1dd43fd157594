/**
 * Naive Bayes over the 4-grams in category-model.ts: the back-off for complaints whose cues are
 * weak. Log-probabilities with add-0.1 smoothing over the kept features (4-grams and 5-letter
 * stems); features the model never kept are ignored.
 *
 * Naive Bayes multiplies one probability per gram as if the grams were independent; they are
 * not (a word gives several overlapping grams), so its raw posterior is near 0 or 1 for almost
 * every complaint, also for wording it has never seen. The posterior is therefore tempered: the
 * summed log-likelihood is averaged over the known grams and multiplied by SHARPNESS, which was
 * chosen by cross-validation on the dev split (tools/cross-validate.ts), so p reads as a
 * probability and weak cues can outvote a hesitant model.
 */
import { MODEL_CATEGORIES, MODEL_DOCUMENTS, MODEL_GRAMS, MODEL_STEMS } from './category-model.ts';

const SMOOTHING = 0.1;
/** How sharp the tempered posterior is: the average log-likelihood per gram, times this. */
export const SHARPNESS = 4;
const COUNT_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface CategoryModel {
  categories: readonly string[];
  /** Training complaints per category (the prior). */
  documents: readonly number[];
  /** Per gram, how many training complaints of each category had it. */
  grams: ReadonlyMap<string, ArrayLike<number>>;
}

interface PreparedModel extends CategoryModel {
  totals: number[];
  documentCount: number;
}

let bundled: PreparedModel | undefined;

/** The model in category-model.ts, decoded on first use. */
export function bundledModel(): CategoryModel {
  if (bundled) return bundled;
  const grams = new Map<string, Uint8Array>();
  decode(MODEL_GRAMS, 4, MODEL_CATEGORIES.length, grams);
  decode(MODEL_STEMS, 5, MODEL_CATEGORIES.length, grams);
  bundled = prepare({ categories: MODEL_CATEGORIES, documents: MODEL_DOCUMENTS, grams });
  return bundled;
}

/** Front-coded features of one length (see category-model.ts) into `into`. */
function decode(encoded: string, length: number, width: number, into: Map<string, Uint8Array>): void {
  let previous = '';
  for (let position = 0; position < encoded.length; ) {
    const shared = Number(encoded[position]);
    const feature = previous.slice(0, shared) + encoded.slice(position + 1, position + 1 + length - shared);
    position += 1 + length - shared;
    const counts = new Uint8Array(width);
    for (let index = 0; index < width; index += 1) counts[index] = COUNT_DIGITS.indexOf(encoded[position + index]!);
    position += width;
    into.set(feature, counts);
    previous = feature;
  }
}

const prepared = new WeakMap<CategoryModel, PreparedModel>();

function prepare(model: CategoryModel): PreparedModel {
  if ('totals' in model) return model as PreparedModel;
  let ready = prepared.get(model);
  if (ready) return ready;
  const totals = model.categories.map((_, index) => {
    let sum = 0;
    for (const counts of model.grams.values()) sum += counts[index]!;
    return sum;
  });
  ready = { ...model, totals, documentCount: model.documents.reduce((sum, count) => sum + count, 0) };
  prepared.set(model, ready);
  return ready;
}

export interface ModelVerdict {
  category: string;
  /** How many of the text's grams the model knows: little evidence below a handful. */
  known: number;
  /** Tempered posterior probability of the winner among `allowed`. */
  probability: number;
  /** Tempered posterior of every allowed category the model knows. */
  probabilities: Record<string, number>;
}

/** The most probable of `allowed` categories (names as in the model), or undefined if none is in it. */
export function modelCategory(grams: ReadonlySet<string>, allowed: ReadonlySet<string>, model: CategoryModel = bundledModel(), sharpness = SHARPNESS): ModelVerdict | undefined {
  const { grams: table, totals, documentCount, documents, categories } = prepare(model);
  const vocabulary = table.size;
  const candidates = categories.map((category, index) => ({ category, index })).filter(({ category }) => allowed.has(category));
  if (candidates.length === 0) return undefined;
  const likelihoods = candidates.map(() => 0);
  let known = 0;
  for (const gram of grams) {
    const counts = table.get(gram);
    if (!counts) continue;
    known += 1;
    candidates.forEach(({ index }, position) => {
      likelihoods[position]! += Math.log((counts[index]! + SMOOTHING) / (totals[index]! + SMOOTHING * vocabulary));
    });
  }
  const logs = candidates.map(({ index }, position) => Math.log(documents[index]! / documentCount) + (sharpness * likelihoods[position]!) / Math.max(1, known));
  const best = Math.max(...logs);
  const normaliser = logs.reduce((sum, value) => sum + Math.exp(value - best), 0);
  const winner = logs.indexOf(best);
  const probabilities = Object.fromEntries(candidates.map(({ category }, position) => [category, Math.exp(logs[position]! - best) / normaliser]));
  return { category: candidates[winner]!.category, known, probability: 1 / normaliser, probabilities };
}
