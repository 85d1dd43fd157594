/**
 * Guards the figures `npm run eval` prints on the labelled set (test/eval/complaints.jsonl):
 * floors just below what was measured on the whole set, and never below the targets of the
 * issue. The held-out test split gets its own, lower floors: it is the honest figure.
 */
import { describe, expect, it } from 'vitest';
import { figures, loadEvalSet, predict } from '../../../eval/metrics.ts';

const items = loadEvalSet();
const predictions = predict(items);

describe('the labelled evaluation set', () => {
  it('is big and varied enough to mean something', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    for (const language of ['en', 'da', 'nb', 'et', 'sv', 'de']) expect(items.filter((item) => item.language === language).length).toBeGreaterThanOrEqual(25);
    expect(items.filter((item) => item.split === 'test').length).toBeGreaterThanOrEqual(50);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it('whole set: at or above the floors (measured with batches 7 to 11 in dev: language 1.000, macro-F1 0.954, urgent P 0.986 R 0.997)', () => {
    const all = figures(predictions);
    expect(all.languageAccuracy).toBeGreaterThanOrEqual(0.99);
    // Batch 10 came into dev in round 4 (its misses studied by concept); the word-part model keeps
    // 5,000 features, modelWeight 2 (3 in round 3). Round 5: batch 11 in dev, a strong service cue
    // (a person's work) halves product and billing.
    expect(all.macroF1).toBeGreaterThanOrEqual(0.948);
    expect(all.urgent.recall).toBeGreaterThanOrEqual(0.99);
    // The learned urgent model trades a few false alarms for recall on unseen wording.
    expect(all.urgent.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('held-out test split: at or above its floors (measured: language 1.000, macro-F1 0.878, urgent P 0.982 R 1.000; batch 6 alone first measured urgent P 0.739 R 0.395)', () => {
    const test = figures(predictions.filter((prediction) => prediction.item.split === 'test'));
    expect(test.languageAccuracy).toBeGreaterThanOrEqual(0.96);
    // 0.788 before round 1, 0.821 after, 0.827 after round 2 (1,750 features for bundle room); no
    // test complaint was read or moved. Round 3: 5,000 features, sharpness 4, modelWeight 3, chosen
    // by dev batch-held-out cross-validation (tools/cross-validate.ts), read 0.872 here afterwards.
    // Round 4: modelWeight 2 and the retrained model, chosen the same way with batches 7-10 held
    // out (pooled 0.937 -> 0.939, batch 10 0.889 -> 0.911), read 0.861 here afterwards.
    // Round 5: the person's-work rule and its cues, chosen with batches 0-11 each held out (pooled
    // 0.922 -> 0.937), and both models retrained with batch 11: read 0.878 here afterwards.
    expect(test.macroF1).toBeGreaterThanOrEqual(0.87);
    expect(test.urgent.recall).toBeGreaterThanOrEqual(0.98);
    // Round 4's learned urgent model (750 features, weight 2.75) adds one false alarm here.
    expect(test.urgent.precision).toBeGreaterThanOrEqual(0.96);
  });
});

describe('a fresh batch nobody tuned on (test/eval/fresh/batch-12.jsonl)', () => {
  it('stays at or above what it measured (language 1.000, macro-F1 0.935, urgent P 0.966 R 1.000; 0.921, 0.933/1.000 before round 5)', () => {
    const fresh = figures(predict(loadEvalSet(new URL('../../../eval/fresh/batch-12.jsonl', import.meta.url).pathname)));
    expect(fresh.languageAccuracy).toBeGreaterThanOrEqual(0.99);
    expect(fresh.macroF1).toBeGreaterThanOrEqual(0.92);
    expect(fresh.urgent.recall).toBeGreaterThanOrEqual(0.96);
    expect(fresh.urgent.precision).toBeGreaterThanOrEqual(0.93);
  });
});
