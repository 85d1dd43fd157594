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
/**
 * How many features the bundled model keeps: the most informative ones. It travels in the inbound
 * Lambda bundle; with one dev batch held out at a time (round 3, eight batches), pooled macro-F1
 * 0.934 with 1,750, 0.940 with 3,000, 0.945 with 5,000, 0.946 with 10,000 (which does not fit the
 * bundle budget), so 5,000 (39 KB).
 */
export const MAX_FEATURES = 5000;

/**
 * How much a feature says about the category: the log-likelihood ratio (G statistic) of its
 * per-category counts against counts proportional to the categories' sizes.
 */
function informativeness(perCategory: readonly number[], documents: readonly number[]): number {
  const total = perCategory.reduce((sum, count) => sum + count, 0);
  const documentTotal = documents.reduce((sum, count) => sum + count, 0);
  return perCategory.reduce((sum, count, index) => (count === 0 ? sum : sum + count * Math.log(count / ((total * documents[index]!) / documentTotal))), 0);
}

export interface TrainingRow {
  category: string;
  subject: string;
  body: string;
}

export function trainCategoryModel(rows: readonly TrainingRow[], minCount = MIN_COUNT, maxFeatures = MAX_FEATURES): CategoryModel {
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
  const kept = [...counts]
    .filter(([gram, perCategory]) => MODEL_GRAM_ALPHABET.test(gram) && perCategory.reduce((sum, count) => sum + count, 0) >= minCount)
    .map(([gram, perCategory]) => ({ gram, perCategory: perCategory.map((count) => Math.min(count, MAX_STORED_COUNT)), score: informativeness(perCategory, documents) }))
    .sort((a, b) => b.score - a.score || (a.gram < b.gram ? -1 : 1))
    .slice(0, maxFeatures)
    .sort((a, b) => (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : 0));
  const grams = new Map<string, number[]>();
  for (const { gram, perCategory } of kept) grams.set(gram, perCategory);
  return { categories, documents, grams };
}
