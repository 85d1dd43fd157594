/**
 * Training of the word-part model (naive Bayes over character 4-grams of words), shared by
 * train-category-model.ts (writes ../category-model.ts) and cross-validate.ts (trains one model
 * per fold in memory).
 */
import { MODEL_GRAM_ALPHABET, modelGrams } from '../category-model-features.ts';
import type { CategoryModel } from '../category-model-score.ts';

/** A gram must occur in this many training complaints to be kept (for the full dev split). */
export const MIN_COUNT = 2;
/** The file stores counts as one base-62 digit. */
export const MAX_STORED_COUNT = 61;

export interface TrainingRow {
  category: string;
  subject: string;
  body: string;
}

export function trainCategoryModel(rows: readonly TrainingRow[], minCount = MIN_COUNT): CategoryModel {
  const categories = [...new Set(rows.map((row) => row.category))].sort();
  const documents = categories.map((category) => rows.filter((row) => row.category === category).length);
  const counts = new Map<string, number[]>();
  for (const row of rows) {
    const index = categories.indexOf(row.category);
    for (const gram of modelGrams(row.subject, row.body)) {
      let perCategory = counts.get(gram);
      if (!perCategory) counts.set(gram, (perCategory = categories.map(() => 0)));
      perCategory[index]! += 1;
    }
  }
  const grams = new Map<string, number[]>();
  for (const [gram, perCategory] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!MODEL_GRAM_ALPHABET.test(gram) || perCategory.reduce((sum, count) => sum + count, 0) < minCount) continue;
    grams.set(gram, perCategory.map((count) => Math.min(count, MAX_STORED_COUNT)));
  }
  return { categories, documents, grams };
}
