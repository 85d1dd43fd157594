import { describe, expect, it } from 'vitest';
import { cueText } from '#core/classify/cues';
import { classifySeverity } from '#core/classify/severity';
import { bundledUrgentModel, urgentProbability } from '#core/classify/urgent-model-score';
import { trainUrgentRegression, URGENT_FEATURES, URGENT_L2 } from '../../../../functions/core/classify/tools/urgent-model-training.ts';
import { loadEvalSet } from '../../../eval/metrics.ts';

const calm = 'The parcel came on Tuesday and the colour is fine.';
const severityOf = (grams?: ReadonlySet<string>) =>
  classifySeverity({ subject: cueText(''), body: cueText(calm), language: 'en', languageUncertain: false, shouting: 0, grams });

describe('the learned urgent model', () => {
  const model = bundledUrgentModel();

  it('is what tools/train-urgent-model.ts writes from the current dev split', () => {
    const dev = loadEvalSet().filter((item) => item.split === 'dev');
    const trained = trainUrgentRegression(dev.map((item) => ({ subject: item.subject, body: item.body, category: item.severity === 'urgent' ? 'urgent' : 'calm' })), URGENT_FEATURES, URGENT_L2);
    expect(model.bias).toBe(trained.bias);
    expect([...model.weights].sort()).toEqual([...trained.weights].sort());
  });

  it('reads p(urgent) near 0 for text it knows nothing of', () => {
    expect(urgentProbability(model, new Set())).toBeLessThan(0.01);
  });

  it('makes a complaint urgent without a cue when p(urgent) is high, and says so', () => {
    const strongest = new Set([...model.weights].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([gram]) => gram));
    expect(urgentProbability(model, strongest)).toBeGreaterThan(0.8);
    const result = severityOf(strongest);
    expect(result.severity).toBe('urgent');
    expect(result.signals.some((signal) => signal.startsWith('urgent by the learned model'))).toBe(true);
    expect(severityOf().severity).toBe('normal');
  });
});
