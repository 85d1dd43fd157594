/**
 * The learned part of the urgent decision: logistic regression over the word parts of the category
 * model (4-grams and 5-letter stems, category-model-features.ts), trained on the dev split by
 * tools/train-urgent-model.ts. severity.ts adds URGENT_MODEL_WEIGHT × p(urgent) to the cue score,
 * so it catches urgent wording no cue list has ("a reporter asked for my side") while a clear cue
 * still decides alone.
 */
import { URGENT_BIAS, URGENT_WEIGHTS } from './urgent-model.ts';

/** Weights are stored as whole hundredths. */
export const WEIGHT_SCALE = 100;
export const WEIGHT_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Two base-62 digits, offset so that they hold -19.22 … +19.21. */
export const WEIGHT_OFFSET = (WEIGHT_DIGITS.length * WEIGHT_DIGITS.length) / 2;

export interface UrgentRegression {
  bias: number;
  weights: ReadonlyMap<string, number>;
}

let bundled: UrgentRegression | undefined;

/** The model in urgent-model.ts, decoded on first use: front-coded features, each with two weight digits. */
export function bundledUrgentModel(): UrgentRegression {
  if (bundled) return bundled;
  const weights = new Map<string, number>();
  let previous = '';
  for (let position = 0; position < URGENT_WEIGHTS.length; ) {
    const shared = Number(URGENT_WEIGHTS[position]);
    const end = URGENT_WEIGHTS.indexOf(',', position);
    const rest = URGENT_WEIGHTS.slice(position + 1, end - 2);
    const feature = previous.slice(0, shared) + rest;
    const stored = WEIGHT_DIGITS.indexOf(URGENT_WEIGHTS[end - 2]!) * WEIGHT_DIGITS.length + WEIGHT_DIGITS.indexOf(URGENT_WEIGHTS[end - 1]!);
    weights.set(feature, (stored - WEIGHT_OFFSET) / WEIGHT_SCALE);
    previous = feature;
    position = end + 1;
  }
  bundled = { bias: URGENT_BIAS, weights };
  return bundled;
}

/** p(urgent) of a text's word parts. */
export function urgentProbability(model: UrgentRegression, grams: ReadonlySet<string>): number {
  let z = model.bias;
  for (const gram of grams) z += model.weights.get(gram) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
