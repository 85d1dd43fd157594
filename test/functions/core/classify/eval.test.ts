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

  it('whole set: at or above the floors (measured with batches 7, 8 and 9 in dev: language 1.000, macro-F1 0.937, urgent P 0.982 R 1.000)', () => {
    const all = figures(predictions);
    expect(all.languageAccuracy).toBeGreaterThanOrEqual(0.99);
    // Batch 9 came into dev untouched (its category misses are not fixed): 0.955 before it.
    expect(all.macroF1).toBeGreaterThanOrEqual(0.93);
    expect(all.urgent.recall).toBeGreaterThanOrEqual(0.99);
    // The learned urgent model trades a few false alarms for recall on unseen wording.
    expect(all.urgent.precision).toBeGreaterThanOrEqual(0.975);
  });

  it('held-out test split: at or above its floors (measured: language 1.000, macro-F1 0.827, urgent P 0.982 R 1.000; batch 6 alone first measured urgent P 0.739 R 0.395)', () => {
    const test = figures(predictions.filter((prediction) => prediction.item.split === 'test'));
    expect(test.languageAccuracy).toBeGreaterThanOrEqual(0.96);
    // Still below the 0.85 (0.788 before round 1, 0.821 after; no test complaint was read or
    // moved): most misses have no cue of their category and the word-part model decides; 0.827
    // with the model trained on batch 8 too and cut to 1,750 features for bundle room (0.835 with
    // 2,000; dev cross-validation does not tell them apart). Open: raise this to >= 0.85.
    expect(test.macroF1).toBeGreaterThanOrEqual(0.825);
    expect(test.urgent.recall).toBeGreaterThanOrEqual(0.98);
    expect(test.urgent.precision).toBeGreaterThanOrEqual(0.97);
  });
});
