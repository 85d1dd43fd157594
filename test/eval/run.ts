/**
 * npm run eval: language accuracy, per-category precision/recall/F1, macro-F1, urgent
 * precision/recall and the confusion matrix, on the dev split (cues written against it), the
 * held-out test split and both. `--mistakes` lists the dev mistakes (add `--test` for test's too).
 * `--file <path.jsonl>` measures another labelled file on its own (a fresh batch nobody tuned on).
 */
import { figures, loadEvalSet, mistakes, predict, report } from './metrics.ts';

const showMistakes = process.argv.includes('--mistakes');
const showTestMistakes = process.argv.includes('--test');

const fileFlag = process.argv.indexOf('--file');
const extraFile = fileFlag >= 0 ? process.argv[fileFlag + 1] : undefined;
if (fileFlag >= 0 && !extraFile) {
  console.error('npm run eval -- --file <path.jsonl>: the path is missing');
  process.exit(2);
}

const items = extraFile ? loadEvalSet(extraFile) : loadEvalSet();
const started = performance.now();
const predictions = predict(items);
const elapsed = performance.now() - started;

const languages = [...new Set(items.map((item) => item.language))].map((language) => `${language} ${items.filter((item) => item.language === language).length}`);
console.log(`evaluation set: ${items.length} complaints (${languages.join(', ')}); ${(elapsed / items.length).toFixed(2)} ms per complaint\n`);
for (const split of extraFile ? [] : (['dev', 'test'] as const)) {
  const selected = predictions.filter((prediction) => prediction.item.split === split);
  console.log(report(split, figures(selected)));
  console.log('');
  if (showMistakes && (split === 'dev' || showTestMistakes)) {
    console.log(`mistakes (${split}):\n${mistakes(selected).join('\n') || '  none'}\n`);
  }
}
console.log(report(extraFile ?? 'all', figures(predictions)));
if (extraFile && showMistakes) console.log(`\nmistakes:\n${mistakes(predictions).join('\n') || '  none'}`);
