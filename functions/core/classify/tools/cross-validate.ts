/**
 * How well the categories generalise, measured without the word-part model having seen the
 * complaint: each written batch of the dev split in turn is held out (or, with --folds n, every
 * n-th complaint), a model is trained on the rest and the held-out part classified with the cues
 * and that model. Cues were written against dev, so the
 * figure still flatters the cues; it is honest about the model and about how much to trust it.
 * Prints macro-F1 for a grid of model settings (sharpness × modelWeight × modelBelowScore).
 *
 * With --settings sharpness,weight,below it also prints macro-F1 per held-out batch for those settings.
 *
 *   npx tsx functions/core/classify/tools/cross-validate.ts [--folds 5] [--features 3000] [--settings 4,3,3 [--misses]] [--no-grid]
 */
import { figures, loadEvalSet, type Prediction } from '../../../../test/eval/metrics.ts';
import { classifyDetailed, bundledCategories } from '../index.ts';
import { classifyCategory } from '../category.ts';
import { modelGrams } from '../category-model-features.ts';
import { SHARPNESS } from '../category-model-score.ts';
import { cueText } from '../cues.ts';
import { cleanSubject, isReplySubject, ownText } from '../text.ts';
import { trainCategoryModel, MAX_FEATURES, MIN_COUNT } from './category-model-training.ts';

const foldsFlag = process.argv.indexOf('--folds');
const featuresFlag = process.argv.indexOf('--features');
const maxFeatures = featuresFlag >= 0 ? Number(process.argv[featuresFlag + 1]) : MAX_FEATURES;
const dev = loadEvalSet().filter((item) => item.split === 'dev');
const batches = [...new Set(dev.map((item) => item.batch ?? 0))].sort((a, b) => a - b);
const folds = foldsFlag >= 0 ? Number(process.argv[foldsFlag + 1]) : batches.length;
const foldOf = (item: (typeof dev)[number], index: number) => (foldsFlag >= 0 ? index % folds : batches.indexOf(item.batch ?? 0));

// Language and text preparation do not depend on the model: once per complaint.
const prepared = dev.map((item, index) => {
  const detailed = classifyDetailed(item.subject, item.body, 'en');
  return {
    item,
    fold: foldOf(item, index),
    detailed,
    input: {
      subject: cueText(cleanSubject(item.subject)),
      body: cueText(ownText(item.body)),
      language: detailed.language,
      languageUncertain: detailed.languageFellBack || detailed.languageConfidence < 0.2,
      subjectIsReply: isReplySubject(item.subject),
      grams: modelGrams(item.subject, item.body),
    },
  };
});
const models = Array.from({ length: folds }, (_, fold) =>
  trainCategoryModel(
    prepared.filter((entry) => entry.fold !== fold).map((entry) => entry.item),
    Math.max(2, Math.round((MIN_COUNT * (folds - 1)) / folds)),
    maxFeatures,
  ),
);

const base = bundledCategories();
const rows: string[] = [];
for (const sharpness of process.argv.includes('--no-grid') ? [] : [4, 8, 12, 1e6]) {
  for (const modelWeight of [1, 1.5, 2, 3, 100]) {
    for (const modelBelowScore of [2, 3, 4, 6, 100]) {
      const categories = { ...base, modelWeight, modelBelowScore };
      const predictions: Prediction[] = prepared.map(({ item, fold, detailed, input }) => ({
        item,
        result: { ...detailed, category: classifyCategory(input, categories, { model: models[fold]!, sharpness }).category },
      }));
      const result = figures(predictions);
      // The newest batch alone: the one no category cue was written against.
      const newest = figures(predictions.filter(({ item }) => item.batch === batches.at(-1)));
      rows.push(`${String(sharpness).padStart(7)} ${String(modelWeight).padStart(6)} ${String(modelBelowScore).padStart(6)}   ${result.macroF1.toFixed(3)}  ${result.categoryAccuracy.toFixed(3)}   ${newest.macroF1.toFixed(3)}`);
    }
  }
}
console.log(`dev split, ${foldsFlag >= 0 ? `${folds}-fold` : `one batch held out at a time (${batches.join(' ')})`} (${dev.length} complaints, ${maxFeatures} features): sharpness weight below   macro-F1 accuracy   newest batch macro-F1`);
console.log(rows.sort((a, b) => Number(b.slice(-21, -15)) - Number(a.slice(-21, -15))).slice(0, 25).join('\n'));
const bundledSettings = rows.find((row) => row.startsWith(`${String(SHARPNESS).padStart(7)} ${String(base.modelWeight).padStart(6)} ${String(base.modelBelowScore).padStart(6)}`));
console.log(`\nbundled settings (sharpness ${SHARPNESS}): ${bundledSettings}`);
const noModel = rows.find((row) => row.startsWith(`${String(8).padStart(7)} ${String(1).padStart(6)} ${String(2).padStart(6)}`));
console.log(`model only below a cue score of 2, weight 1: ${noModel}`);

const settingsFlag = process.argv.indexOf('--settings');
if (settingsFlag >= 0) {
  const [sharpness, modelWeight, modelBelowScore] = process.argv[settingsFlag + 1]!.split(',').map(Number) as [number, number, number];
  const categories = { ...base, modelWeight, modelBelowScore };
  const predictions: Prediction[] = prepared.map(({ item, fold, detailed, input }) => ({
    item,
    result: { ...detailed, category: classifyCategory(input, categories, { model: models[fold]!, sharpness }).category },
  }));
  const perBatch = batches.map((batch) => `b${batch} ${figures(predictions.filter(({ item }) => (item.batch ?? 0) === batch)).macroF1.toFixed(3)}`);
  const pooled = figures(predictions);
  console.log(`\nsharpness ${sharpness}, weight ${modelWeight}, below ${modelBelowScore}: pooled ${pooled.macroF1.toFixed(3)}; ${perBatch.join('  ')}`);
  // The service/product boundary: what a person did versus the object it happened around.
  const boundary = (part: typeof pooled) => `product P ${part.perCategory.product!.precision.toFixed(3)} R ${part.perCategory.product!.recall.toFixed(3)}, service P ${part.perCategory.service!.precision.toFixed(3)} R ${part.perCategory.service!.recall.toFixed(3)}`;
  console.log(`pooled ${boundary(pooled)}`);
  if (process.argv.includes('--misses'))
    for (const { item, result } of predictions) if (item.category !== result.category) console.log(`  ${item.id} ${item.category} -> ${result.category}: ${item.subject}`);
  for (const batch of batches.slice(-3)) console.log(`b${batch} ${boundary(figures(predictions.filter(({ item }) => (item.batch ?? 0) === batch)))}`);
}
