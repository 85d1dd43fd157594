/**
 * How well the categories generalise, measured without the word-part model having seen the
 * complaint: the dev split is cut into folds, a model is trained on all folds but one and the
 * held-out fold classified with the cues and that model. Cues were written against dev, so the
 * figure still flatters the cues; it is honest about the model and about how much to trust it.
 * Prints macro-F1 for a grid of model settings (sharpness × modelWeight × modelBelowScore).
 *
 *   npx tsx functions/core/classify/tools/cross-validate.ts [--folds 5]
 */
import { figures, loadEvalSet, type Prediction } from '../../../../test/eval/metrics.ts';
import { classifyDetailed, bundledCategories } from '../index.ts';
import { classifyCategory } from '../category.ts';
import { modelGrams } from '../category-model-features.ts';
import { cueText } from '../cues.ts';
import { cleanSubject, isReplySubject, ownText } from '../text.ts';
import { trainCategoryModel, MIN_COUNT } from './category-model-training.ts';

const foldsFlag = process.argv.indexOf('--folds');
const folds = foldsFlag >= 0 ? Number(process.argv[foldsFlag + 1]) : 5;
const dev = loadEvalSet().filter((item) => item.split === 'dev');

// Language and text preparation do not depend on the model: once per complaint.
const prepared = dev.map((item, index) => {
  const detailed = classifyDetailed(item.subject, item.body, 'en');
  return {
    item,
    fold: index % folds,
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
  ),
);

const base = bundledCategories();
const rows: string[] = [];
for (const sharpness of [4, 8, 12, 1e6]) {
  for (const modelWeight of [1, 1.5, 2, 3, 100]) {
    for (const modelBelowScore of [2, 4, 6, 100]) {
      const categories = { ...base, modelWeight, modelBelowScore };
      const predictions: Prediction[] = prepared.map(({ item, fold, detailed, input }) => ({
        item,
        result: { ...detailed, category: classifyCategory(input, categories, { model: models[fold]!, sharpness }).category },
      }));
      const result = figures(predictions);
      rows.push(`${String(sharpness).padStart(7)} ${String(modelWeight).padStart(6)} ${String(modelBelowScore).padStart(6)}   ${result.macroF1.toFixed(3)}  ${result.categoryAccuracy.toFixed(3)}`);
    }
  }
}
console.log(`dev split, ${folds}-fold (${dev.length} complaints): sharpness weight below   macro-F1 accuracy`);
console.log(rows.sort((a, b) => Number(b.slice(-13, -7)) - Number(a.slice(-13, -7))).slice(0, 25).join('\n'));
const current = rows.find((row) => row.startsWith(`${String(1e6).padStart(7)} ${String(100).padStart(6)} ${String(2).padStart(6)}`));
console.log(`\nas before (untempered model decides below 2): ${current}`);
