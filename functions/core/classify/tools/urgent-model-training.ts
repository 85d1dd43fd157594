/**
 * Logistic regression for urgent-vs-not over the category model's word parts (binary: a 4-gram or
 * stem present or not), on the features naive Bayes finds most informative. Plain batch gradient
 * descent from zero weights with L2: deterministic, no random initialisation.
 */
import { modelGrams } from '../category-model-features.ts';
import { trainCategoryModel, type TrainingRow } from './category-model-training.ts';

export { urgentProbability } from '../urgent-model-score.ts';
import { WEIGHT_SCALE, type UrgentRegression } from '../urgent-model-score.ts';
export type { UrgentRegression };

/** Chosen by tools/cross-validate-urgent.ts (README.md, Severity). */
export const URGENT_FEATURES = 750;
export const URGENT_L2 = 0.3;

/** `rows` labelled 'urgent' or anything else; `l2` is the penalty per weight (summed over rows). */
export function trainUrgentRegression(rows: readonly TrainingRow[], maxFeatures: number, l2: number, iterations = 400, rate = 5): UrgentRegression {
  const selected = trainCategoryModel(rows, 2, maxFeatures);
  const features = [...selected.grams.keys()];
  const indexOf = new Map(features.map((feature, index) => [feature, index]));
  const documents = rows.map((row) => {
    const present: number[] = [];
    for (const gram of modelGramsOf(row)) {
      const index = indexOf.get(gram);
      if (index !== undefined) present.push(index);
    }
    return { present, label: row.category === 'urgent' ? 1 : 0 };
  });
  const weights = new Float64Array(features.length);
  const positives = documents.filter((document) => document.label === 1).length;
  let bias = Math.log(Math.max(1, positives) / Math.max(1, documents.length - positives));
  const n = documents.length;
  const gradient = new Float64Array(features.length);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    gradient.fill(0);
    let biasGradient = 0;
    for (const { present, label } of documents) {
      let z = bias;
      for (const index of present) z += weights[index]!;
      const error = 1 / (1 + Math.exp(-z)) - label;
      biasGradient += error;
      for (const index of present) gradient[index]! += error;
    }
    bias -= (rate * biasGradient) / n;
    for (let index = 0; index < features.length; index += 1) weights[index]! -= (rate * (gradient[index]! + l2 * weights[index]!)) / n;
  }
  // Stored as hundredths (urgent-model.ts), so cross-validation measures the rounded model.
  const round = (value: number) => Math.round(value * WEIGHT_SCALE) / WEIGHT_SCALE;
  return { bias: round(bias), weights: new Map(features.flatMap((feature, index) => (round(weights[index]!) === 0 ? [] : [[feature, round(weights[index]!)] as const]))) };
}

function modelGramsOf(row: TrainingRow): Set<string> {
  return modelGrams(row.subject, row.body);
}
