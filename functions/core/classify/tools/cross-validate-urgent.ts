/**
 * Which urgent decision generalises: the severity cues alone, a lower cue threshold, anger plus a
 * weak urgent cue, or the cues blended with a learned urgent-vs-not model over the word parts of
 * the category model (naive Bayes or logistic regression). Each of the newest dev batches (7, 8, 9, 10)
 * in turn is held out, the model trained on every other dev batch, and the held-out batch decided.
 * Prints urgent precision/recall per held-out batch and pooled, best pooled recall first among the
 * settings whose pooled precision reaches --min-precision (0.85).
 *
 * The cues were tuned on batches 7 and 8 (rounds 1 and 2), so there the cues alone read near
 * 1.000/1.000 and the figures mostly show the false alarms a lever adds; batch 9 was folded into
 * dev untouched, so it is the honest one for the cues.
 *
 *   npx tsx functions/core/classify/tools/cross-validate-urgent.ts [--min-precision 0.85] [--top 40]
 */
import { loadEvalSet } from '../../../../test/eval/metrics.ts';
import { modelCategory, type CategoryModel } from '../category-model-score.ts';
import { modelGrams } from '../category-model-features.ts';
import { cueText } from '../cues.ts';
import { shouting } from '../index.ts';
import { detectLanguage } from '../language.ts';
import { classifySeverity } from '../severity.ts';
import { cleanSubject, ownText, withoutCodes } from '../text.ts';
import { trainCategoryModel } from './category-model-training.ts';
import { trainUrgentRegression, urgentProbability, type UrgentRegression } from './urgent-model-training.ts';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const minPrecision = argument('--min-precision', 0.85);
const top = argument('--top', 40);
const HELD_OUT = (process.env.HELD_OUT ?? '7,8,9,10').split(',').map(Number);

const dev = loadEvalSet().filter((item) => item.split === 'dev');
const prepared = dev.map((item) => {
  const cleaned = cleanSubject(item.subject);
  const own = ownText(item.body);
  const language = detectLanguage(withoutCodes(`${cleaned}\n${own}`), { defaultLanguage: 'en' });
  const severity = classifySeverity({
    subject: cueText(cleaned),
    body: cueText(own),
    language: language.language,
    languageUncertain: language.fellBack || language.confidence < 0.2,
    shouting: shouting(`${cleaned}\n${own}`),
  });
  return {
    batch: item.batch ?? -1,
    urgent: item.severity === 'urgent',
    cue: severity.urgentScore,
    anger: severity.angerScore,
    modelApplies: severity.learnedModelApplies,
    grams: modelGrams(item.subject, item.body),
  };
});
const heldOut = prepared.filter((entry) => HELD_OUT.includes(entry.batch));
const trainingFor = (batch: number) => dev.filter((item) => (item.batch ?? -1) !== batch).map((item) => ({ subject: item.subject, body: item.body, category: item.severity === 'urgent' ? 'urgent' : 'calm' }));
const allowed = new Set(['urgent', 'calm']);

/** p(urgent) for every held-out complaint, from a model trained without its batch. */
type Scorer = (training: ReturnType<typeof trainingFor>) => (grams: ReadonlySet<string>) => number;
const scorers: Array<{ name: string; scorer: Scorer }> = [];
for (const features of (process.env.URGENT_FEATURES ?? '300,1000,3000').split(',').map(Number)) {
  for (const sharpness of process.env.NB === '0' ? [] : [4, 8]) {
    scorers.push({
      name: `nb ${features} s${sharpness}`,
      scorer: (training) => {
        const model: CategoryModel = trainCategoryModel(training, 2, features);
        return (grams) => modelCategory(grams, allowed, model, sharpness)?.probabilities.urgent ?? 0;
      },
    });
  }
  for (const l2 of (process.env.L2 ?? '0.3,1,3').split(',').map(Number)) {
    scorers.push({
      name: `lr ${features} l2 ${l2}`,
      scorer: (training) => {
        const model: UrgentRegression = trainUrgentRegression(training, features, l2);
        return (grams) => urgentProbability(model, grams);
      },
    });
  }
}
const probabilities = new Map<string, number[]>();
for (const { name, scorer } of scorers) {
  const perBatch = new Map(HELD_OUT.map((batch) => [batch, scorer(trainingFor(batch))]));
  probabilities.set(name, heldOut.map((entry) => (entry.modelApplies ? perBatch.get(entry.batch)!(entry.grams) : 0)));
}

interface Setting {
  name: string;
  decide: (index: number) => boolean;
}
const settings: Setting[] = [];
for (const threshold of [2, 1.5, 1, 0.5]) {
  for (const anger of [Infinity, 1, 2, 3]) {
    const base = (index: number) => {
      const { cue, anger: angry } = heldOut[index]!;
      return cue >= threshold || (cue > 0 && angry >= anger);
    };
    const angerName = anger === Infinity ? '' : ` + anger ${anger} & any cue`;
    settings.push({ name: `cues >= ${threshold}${angerName}`, decide: base });
    if (threshold !== 2) continue;
    for (const [model, p] of probabilities) {
      for (const weight of (process.env.WEIGHTS ?? '1,2,2.5,3,4,5').split(',').map(Number)) {
        for (const floor of [0, 0.5]) {
          settings.push({
            name: `cues >= 2${angerName}, or cues >= ${floor} & cues + ${weight} × p(${model}) >= 2`,
            decide: (index) => base(index) || (heldOut[index]!.cue >= floor && heldOut[index]!.cue + weight * p[index]! >= 2),
          });
        }
      }
    }
  }
}

function count(setting: Setting, batch?: number) {
  let tp = 0, fp = 0, fn = 0;
  heldOut.forEach((entry, index) => {
    if (batch !== undefined && entry.batch !== batch) return;
    const said = setting.decide(index);
    if (said && entry.urgent) tp += 1; else if (said) fp += 1; else if (entry.urgent) fn += 1;
  });
  return { p: tp / Math.max(1, tp + fp), r: tp / Math.max(1, tp + fn), tp, fp, fn };
}
const rows = settings.map((setting) => ({ setting, pooled: count(setting), batches: HELD_OUT.map((batch) => count(setting, batch)) }));
const line = (row: (typeof rows)[number]) =>
  `${row.pooled.p.toFixed(3)} ${row.pooled.r.toFixed(3)} (${row.pooled.tp}/${row.pooled.fp}/${row.pooled.fn})  ${row.batches.map((b) => `${b.p.toFixed(3)} ${b.r.toFixed(3)}`).join('  ')}  ${row.setting.name}`;
console.log(`urgent, batches ${HELD_OUT.join(' ')} each held out (models trained on the other dev batches); ${heldOut.length} complaints, ${heldOut.filter((entry) => entry.urgent).length} urgent`);
console.log(`pooled P R (tp/fp/fn)        ${HELD_OUT.map((batch) => `b${batch} P R      `).join('')}setting`);
console.log(`cues alone:   ${line(rows[0]!)}`);
console.log(`\nbest pooled recall with pooled precision >= ${minPrecision}:`);
console.log(
  rows
    .filter((row) => row.pooled.p >= minPrecision)
    .sort((a, b) => b.pooled.r - a.pooled.r || b.pooled.p - a.pooled.p)
    .slice(0, top)
    .map(line)
    .join('\n'),
);
if (process.argv.includes('--levers')) {
  console.log('\nsimple levers (no model):');
  console.log(rows.filter((row) => !row.setting.name.includes('p(')).map(line).join('\n'));
}
if (process.argv.includes('--misses')) {
  const lr = probabilities.get(process.env.MISSES_MODEL ?? 'lr 750 l2 0.3')!;
  const nb = lr;
  console.log('\nurgent complaints the cues miss (held out): batch cue anger p(model) p(model) id');
  heldOut.forEach((entry, index) => {
    if (entry.urgent && entry.cue < 2) console.log(`  b${entry.batch} ${entry.cue} ${entry.anger} ${lr[index]!.toFixed(2)} ${nb[index]!.toFixed(2)} ${dev.filter((item) => HELD_OUT.includes(item.batch ?? -1))[index]!.id}`);
  });
  console.log('not urgent, cue > 0 or p(lr) > 0.3:');
  heldOut.forEach((entry, index) => {
    if (!entry.urgent && (entry.cue > 0 || lr[index]! > 0.3)) console.log(`  b${entry.batch} ${entry.cue} ${entry.anger} ${lr[index]!.toFixed(2)} ${nb[index]!.toFixed(2)} ${dev.filter((item) => HELD_OUT.includes(item.batch ?? -1))[index]!.id}`);
  });
}
