import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, classifyDetailed } from '#core/classify/index';
import { CategoryConfigError, compileCategoryConfig, parseCategoryConfig, validateCategoryConfig, type CategoryConfigInput } from '#core/classify/category-config';

const bundledPath = new URL('../../../../functions/core/classify/categories.json', import.meta.url);
const bundled = (): CategoryConfigInput => JSON.parse(readFileSync(bundledPath, 'utf8')) as CategoryConfigInput;

describe('the bundled categories.json', () => {
  it('is valid (index.ts compiles it without validating, so this test is its guard)', () => {
    const result = validateCategoryConfig(bundled(), 'categories.json');
    expect(result.ok ? 'valid' : result.message).toBe('valid');
  });

  it('has the default taxonomy with cues in every language we detect', () => {
    const config = parseCategoryConfig(bundled(), 'categories.json');
    expect(Object.keys(config.categories)).toEqual(['product', 'service', 'billing', 'delivery', 'other']);
    for (const name of ['product', 'service', 'billing', 'delivery']) {
      expect(Object.keys(config.categories[name]!.cues)).toEqual(expect.arrayContaining(['en', 'da', 'nb', 'sv', 'de', 'et', 'fi']));
    }
  });
});

describe('validation errors name the field', () => {
  const errorsFor = (mutate: (config: Record<string, unknown> & { categories: Record<string, { cues: Record<string, unknown> }> }) => void): string => {
    const config = bundled() as unknown as Record<string, unknown> & { categories: Record<string, { cues: Record<string, unknown> }> };
    mutate(config);
    const result = validateCategoryConfig(config, 'admin-upload.json');
    if (result.ok) throw new Error('expected the configuration to be rejected');
    return result.message;
  };

  it('a "*" in the middle of a word', () => {
    const message = errorsFor((config) => {
      config.categories.billing!.cues.da = { strong: ['tilbage*betal'] };
    });
    expect(message).toContain('Invalid category configuration in admin-upload.json');
    expect(message).toContain('categories.billing.cues.da.strong.0: "*" may only start or end a word (in "tilbage*betal")');
  });

  it('a word part too short to mean anything, and an empty cue', () => {
    const message = errorsFor((config) => {
      config.categories.product!.cues.en = ['re*', ''];
    });
    expect(message).toContain('categories.product.cues.en.0');
    expect(message).toContain('a word part needs at least 3 letters');
    expect(message).toContain('categories.product.cues.en.1');
  });

  it('an unknown strength group', () => {
    const message = errorsFor((config) => {
      config.categories.delivery!.cues.sv = { heavy: ['försenad'] };
    });
    expect(message).toContain('categories.delivery.cues.sv');
  });

  it('a fallback category that is not a category', () => {
    const message = errorsFor((config) => {
      config.fallbackCategory = 'misc';
    });
    expect(message).toMatch(/fallbackCategory: "misc" is not one of the categories \(product, service, billing, delivery, other\)/);
  });

  it('a bad category name and a bad language key', () => {
    const message = errorsFor((config) => {
      config.categories['Wrong Name'] = { cues: {} };
      config.categories.other!.cues.english = ['login'];
    });
    expect(message).toContain('categories.Wrong Name');
    expect(message).toContain('categories.other.cues.english');
  });

  it('parseCategoryConfig throws the same message', () => {
    expect(() => parseCategoryConfig({ version: 2 }, 'x.json')).toThrow(CategoryConfigError);
    expect(() => parseCategoryConfig({ version: 2 }, 'x.json')).toThrow(/version/);
  });
});

describe('renamed and extended categories flow through', () => {
  const custom = () => {
    const config = bundled() as unknown as { categories: Record<string, unknown>; fallbackCategory: string; modelBelowScore?: number };
    const { billing, ...rest } = config.categories;
    config.categories = {
      ...rest,
      payments: billing,
      warranty: { label: 'Warranty claims', cues: { en: { strong: ['warranty claim*', 'under warranty'] }, da: { strong: ['garantisag*'] } } },
    };
    return compileCategoryConfig(parseCategoryConfig(config, 'custom.json'));
  };

  it('a renamed category is returned under its new name', () => {
    const result = classify('Charged twice', 'My card was charged twice for order 1234. Please refund one payment.', 'en', { categories: custom() });
    expect(result.category).toBe('payments');
  });

  it('an added category wins with its own cues', () => {
    const result = classify('Warranty claim for my dishwasher', 'I would like to make a warranty claim: the dishwasher is under warranty until 2026.', 'en', { categories: custom() });
    expect(result.category).toBe('warranty');
  });

  it('the word-part model never proposes a category the configuration does not have', () => {
    const categories = custom();
    const names = new Set(categories.categories.map((category) => category.name));
    for (const text of ['Hmm', 'The thing from last week', 'Kan I ringe mig op?', 'Ich habe eine Frage zu meiner Rechnung']) {
      expect(names.has(classify('', text, 'en', { categories }).category)).toBe(true);
    }
  });

  it('modelBelowScore 0 turns the model off', () => {
    const config = bundled() as unknown as Record<string, unknown>;
    config.modelBelowScore = 0;
    const categories = compileCategoryConfig(parseCategoryConfig(config, 'off.json'));
    const result = classifyDetailed('Curtains', 'They let in the light from every side.', 'en', { categories });
    expect(result.signals.join(' ')).not.toContain('word-part model');
  });
});
