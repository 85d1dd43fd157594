import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDetailed } from '#core/classify/index';
import { compileCategoryConfig, parseCategoryConfig, validateCategoryConfig, type CategoryConfigInput } from '#core/classify/category-config';
import { modelGrams } from '#core/classify/category-model-features';
import { bundledModel, modelCategory, SHARPNESS, type CategoryModel } from '#core/classify/category-model-score';
import { classifyCategory } from '#core/classify/category';
import { cueText } from '#core/classify/cues';

const bundledPath = new URL('../../../../functions/core/classify/categories.json', import.meta.url);
const bundled = (): Record<string, unknown> => JSON.parse(readFileSync(bundledPath, 'utf8')) as Record<string, unknown>;
const allCategories = new Set(['product', 'service', 'billing', 'delivery', 'other']);

describe('the word-part model', () => {
  it('knows 4-grams and 5-letter stems of the default categories', () => {
    const model = bundledModel();
    expect([...model.categories].sort()).toEqual([...allCategories].sort());
    expect([...model.grams.keys()].some((feature) => feature.length === 4)).toBe(true);
    expect([...model.grams.keys()].some((feature) => feature.length === 5)).toBe(true);
    expect(modelGrams('', 'Reklamation')).toContain('rekla');
  });

  it('gives probabilities that add up to one', () => {
    const verdict = modelCategory(modelGrams('Question', 'When will my parcel with the sofa cushions arrive?'), allCategories)!;
    const total = Object.values(verdict.probabilities).reduce((sum, probability) => sum + probability, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(verdict.probability).toBe(Math.max(...Object.values(verdict.probabilities)));
  });

  it('is tempered: wording that fits several categories is not p≈1, raw naive Bayes would be', () => {
    const grams = modelGrams('', 'I wrote to you last week about my order and nobody has answered, please look into it.');
    const tempered = modelCategory(grams, allCategories)!;
    const raw = modelCategory(grams, allCategories, bundledModel(), 1e6)!;
    expect(SHARPNESS).toBeLessThan(100);
    expect(tempered.probability).toBeLessThan(0.95);
    expect(raw.probability).toBeGreaterThan(0.99);
  });

  it('the model is worth at most modelWeight cue points: a clear cue outvotes it, a weak cue does not', () => {
    const config = bundled();
    const withWeight = (modelWeight: number) => compileCategoryConfig(parseCategoryConfig({ ...config, modelWeight, modelBelowScore: 100 } as CategoryConfigInput, 'weight.json'));
    const body = 'I paid and then waited for the engineer all day.';
    // A model that has only ever seen this wording as "service".
    const grams = modelGrams('', body);
    const billingOnly = ['<inv', 'invo', 'nvoi', 'voic', 'oice'].map((gram): [string, number[]] => [gram, [5, 0]]);
    const model: CategoryModel = { categories: ['billing', 'service'], documents: [5, 5], grams: new Map([...[...grams].map((gram): [string, number[]] => [gram, [0, 5]]), ...billingOnly]) };
    const decide = (subject: string, modelWeight: number) =>
      classifyCategory({ subject: cueText(subject), body: cueText(body), language: 'en', languageUncertain: false, grams: modelGrams(subject, body) }, withWeight(modelWeight), { model }).category;
    // "charged twice" in the subject scores 4: more than a model worth 2 points can add.
    expect(decide('Charged twice', 2)).toBe('billing');
    // Worth 100 points, the model overrules the same cue.
    expect(decide('Charged twice', 100)).toBe('service');
    // "paid" is a weak billing cue (0.5): the model settles it.
    expect(decide('', 2)).toBe('service');
  });

  it('modelWeight is validated', () => {
    const result = validateCategoryConfig({ ...bundled(), modelWeight: -1 }, 'bad.json');
    expect(result.ok ? 'valid' : result.message).toContain('modelWeight must be 0 or more');
  });
});
