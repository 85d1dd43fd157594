/**
 * How well an urgent-vs-not word-part model blended with the severity cues generalises: each dev
 * batch in turn is held out, a model trained on the other dev batches, and the held-out batch's
 * severity decided by the cues plus the model. Prints pooled urgent precision/recall over the
 * held-out batches for a grid of settings, and batches 7 and 8 alone. The cues were tuned on every
 * dev batch, so against today's cues it can only show the false alarms a model adds; the figures in
 * README.md were measured with round 1's cues (commit 1eb34a0), when batch 8 was still untouched.
 *
 *   npx tsx functions/core/classify/tools/cross-validate-urgent.ts
 */
import { loadEvalSet } from '../../../../test/eval/metrics.ts';
import { modelCategory } from '../category-model-score.ts';
import { modelGrams } from '../category-model-features.ts';
import { cueText } from '../cues.ts';
import { detectLanguage } from '../language.ts';
import { classifySeverity } from '../severity.ts';
import { cleanSubject, ownText, withoutCodes } from '../text.ts';
import { trainCategoryModel } from './category-model-training.ts';

const dev = loadEvalSet().filter((item) => item.split === 'dev');
const batches = [...new Set(dev.map((item) => item.batch ?? -1))].sort((a, b) => a - b);
const prepared = dev.map((item) => {
  const cleaned = cleanSubject(item.subject);
  const own = ownText(item.body);
  const language = detectLanguage(withoutCodes(`${cleaned}\n${own}`), { defaultLanguage: 'en' });
  const severity = classifySeverity({ subject: cueText(cleaned), body: cueText(own), language: language.language, languageUncertain: language.fellBack || language.confidence < 0.2, shouting: 0 });
  return { item, urgent: item.severity === 'urgent', cueScore: severity.urgentScore, grams: modelGrams(item.subject, item.body) };
});
const label = (urgent: boolean) => (urgent ? 'urgent' : 'calm');
const allowed = new Set(['urgent', 'calm']);

const maxFeaturesList = (process.env.FEATURES ?? '500,1000,2000,4000').split(',').map(Number);
const rows: Array<{ text: string; f: number }> = [];
for (const maxFeatures of maxFeaturesList) {
  const models = new Map(batches.map((batch) => [batch, trainCategoryModel(dev.filter((item) => (item.batch ?? -1) !== batch).map((item) => ({ subject: item.subject, body: item.body, category: label(item.severity === 'urgent') })), 2, maxFeatures)]));
  for (const sharpness of [4, 8, 16]) {
    const probabilities = prepared.map(({ item, grams }) => modelCategory(grams, allowed, models.get(item.batch ?? -1)!, sharpness)?.probabilities.urgent ?? 0);
    for (const weight of [0, 0.5, 1, 1.5, 2]) {
      for (const floor of [0, 0.5, 1]) {
        // urgent when cues reach 2, or cues reach `floor` and cues + weight × p(urgent) reach 2
        const decide = (index: number) => {
          const { cueScore } = prepared[index]!;
          return cueScore >= 2 || (cueScore >= floor && cueScore + weight * probabilities[index]! >= 2);
        };
        const count = (selected: number[]) => {
          let tp = 0, fp = 0, fn = 0;
          for (const index of selected) {
            const said = decide(index);
            const truth = prepared[index]!.urgent;
            if (said && truth) tp += 1; else if (said) fp += 1; else if (truth) fn += 1;
          }
          return { p: tp / Math.max(1, tp + fp), r: tp / Math.max(1, tp + fn) };
        };
        const all = count(prepared.map((_, index) => index));
        const b8 = count(prepared.flatMap((entry, index) => (entry.item.batch === 8 ? [index] : [])));
        const b7 = count(prepared.flatMap((entry, index) => (entry.item.batch === 7 ? [index] : [])));
        const f = (2 * all.p * all.r) / (all.p + all.r);
        rows.push({ f, text: `${String(maxFeatures).padStart(5)} ${String(sharpness).padStart(3)} ${String(weight).padStart(4)} ${String(floor).padStart(4)}   ${all.p.toFixed(3)} ${all.r.toFixed(3)} ${f.toFixed(3)}   b7 ${b7.p.toFixed(3)} ${b7.r.toFixed(3)}   b8 ${b8.p.toFixed(3)} ${b8.r.toFixed(3)}` });
      }
    }
  }
}
console.log(`dev, one batch held out at a time (${dev.length} complaints, batches ${batches.join(' ')}):`);
console.log('features sharp weight floor   P     R     F1');
console.log(rows.sort((a, b) => b.f - a.f).map((row) => row.text).join('\n'));
