import Handlebars from 'handlebars';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileTemplateSet, evaluateTemplates, handlebarsReference, type TemplateSources } from '#templates/compiler';
import { generateFunction } from '#templates/codegen';
import { createHelpers } from '#templates/handlebars-helpers';
import { templateRuntime, type HelperData } from '#templates/helpers';
import { tidyText, type CompiledTemplateSet } from '#templates/runtime';
import { HOSTILE_TEXT, sampleContexts } from '#templates/sample-data';
import { emailContextSchemas, type EmailKind } from '#templates/schemas';

/**
 * The build compiles each template's Handlebars into a plain function (codegen.ts) instead of
 * running Handlebars at run time. These tests hold it to Handlebars' own output.
 */

const data = (locale: string): HelperData => ({ locale, intl: locale === 'en' ? 'en-GB' : locale, timeZone: 'Europe/Copenhagen' });

/** Variants of a sample: hostile text in every string, optional fields dropped, lists emptied. */
function variants(sample: unknown): unknown[] {
  const map = (value: unknown, leaf: (text: string) => string, drop: boolean): unknown => {
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}|^P/.test(value) ? value : leaf(value);
    if (Array.isArray(value)) return drop ? [] : value.map((item) => map(item, leaf, drop));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, map(item, leaf, drop)]));
    return value;
  };
  return [sample, map(sample, () => HOSTILE_TEXT, false), map(sample, () => '', true), map(sample, (text) => `${text}\n\nsecond paragraph`, false)];
}

describe('compiled templates render exactly what Handlebars renders', () => {
  let sources: TemplateSources[];
  let compiled: CompiledTemplateSet;
  let reference: CompiledTemplateSet;

  beforeAll(async () => {
    const result = await compileTemplateSet();
    expect(result.diagnostics).toEqual([]);
    sources = result.templates;
    compiled = evaluateTemplates(sources);
    reference = handlebarsReference(sources);
  });

  it('for every template × locale, with sample data and its variants', () => {
    let compared = 0;
    for (const source of sources) {
      const kind = source.kind as EmailKind;
      const mine = compiled[kind]?.[source.locale];
      const theirs = reference[kind]?.[source.locale];
      if (!mine || !theirs) throw new Error(`missing ${kind}/${source.locale}`);
      for (const variant of variants(sampleContexts[kind])) {
        const parsed = emailContextSchemas[kind].safeParse(variant);
        if (!parsed.success) continue; // e.g. an emptied required field
        for (const part of ['subject', 'html', 'text'] as const) {
          const expected = theirs[part](parsed.data, data(source.locale));
          // Handlebars leaves the block marks in the text; tidyText is what they mean (and the
          // compiled text never starts with empty lines)
          expect(mine[part](parsed.data, data(source.locale)), `${kind}/${source.locale} ${part}`).toBe(part === 'text' ? tidyText(expected).replace(/^\n+/, '') : expected);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(36 * 3 * 2);
  });
});

describe('codegen covers the Handlebars rules the templates rely on', () => {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(createHelpers('html'));
  const run = (source: string, context: unknown, mode: 'html' | 'text' = 'html', compare = true): string => {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- testing generated code
    const mine = (new Function('rt', `return ${generateFunction(source, mode)};`) as (rt: typeof templateRuntime) => (c: unknown, d: HelperData) => string)(templateRuntime)(context, data('en'));
    // Handlebars itself must agree (except on braces, which it does not escape)
    if (compare) expect(mine).toBe(handlebars.compile(source, { noEscape: mode !== 'html' })(context, { data: data('en') }));
    return mine;
  };

  it('#if treats 0, "", null and empty lists as false', () => {
    const template = '{{#if v}}yes{{else}}no{{/if}}';
    expect([0, '', null, [], false, 1, 'x', [1], {}].map((v) => run(template, { v }))).toEqual(['no', 'no', 'no', 'no', 'no', 'yes', 'yes', 'yes', 'yes']);
  });

  it('#each gives @index, @first, @last and ../, and {{else}} for an empty list', () => {
    const template = '{{#each list}}{{@index}}{{#if @first}}F{{/if}}{{this.n}}{{../sep}}{{#if @last}}L{{/if}}{{else}}none{{/each}}';
    expect(run(template, { sep: ',', list: [{ n: 'a' }, { n: 'b' }] })).toBe('0Fa,1b,L');
    expect(run(template, { sep: ',', list: [] })).toBe('none');
  });

  it('#with changes the context, @root reaches the top', () => {
    expect(run('{{#with a}}{{b}}-{{@root.c}}-{{../c}}{{/with}}', { a: { b: 1 }, c: 2 })).toBe('1-2-2');
  });

  it('escapes in HTML (braces too) and not in text', () => {
    expect(run('{{v}}', { v: '<b>{{x}}</b>' }, 'html', false)).toBe('&lt;b&gt;&#123;&#123;x&#125;&#125;&lt;/b&gt;');
    expect(run('{{v}}', { v: '<b>{{x}}</b>' }, 'text')).toBe('<b>{{x}}</b>');
  });
});
