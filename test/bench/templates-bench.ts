/**
 * Email rendering, precompiled (what the Lambdas do) against MJML at run time (what they would
 * do without the build step), measured in the same run on the same templates and data.
 *
 *   npm run bench                         (with the other benches)
 *   npx tsx test/bench/templates-bench.ts (alone)
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { convert } from 'html-to-text';
import { compileTemplateSet, HTML_TO_TEXT, loadMjml, type TemplateSources } from '#templates/compiler';
import { createHelpers } from '#templates/handlebars-helpers';
import type { HelperData } from '#templates/helpers';
import { EMAIL_KINDS, renderEmail, type EmailKind, type RenderedEmail } from '#templates/render';
import { singleLine } from '#templates/runtime';
import { sampleContexts } from '#templates/sample-data';
import type { BenchResult, BenchRow } from './types.ts';

const LOCALES = ['en', 'da', 'nb', 'et'] as const;
const TARGET_MICROS = 20;
const TARGET_SPEEDUP = 1000;

let sink = 0;
function keep(email: { subject: string; html: string; text: string }): void {
  sink += email.subject.length + email.html.length + email.text.length;
}
/** Also reads a character of each string, which makes V8 join a concatenated string into one (the mailer pays that too). */
function keepFlat(email: { subject: string; html: string; text: string }): void {
  sink += email.subject.charCodeAt(0) + email.html.charCodeAt(email.html.length >> 1) + email.text.charCodeAt(email.text.length >> 1);
}

/** Median over batches of the mean time per call, in microseconds. */
function measure(batches: number, perBatch: number, run: () => void): number {
  for (let i = 0; i < Math.min(perBatch, 2000); i++) run();
  const samples: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i++) run();
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / perBatch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

async function measureAsync(iterations: number, run: () => Promise<void>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** The same email the way it would be made without the build step: Handlebars over MJML, then mjml and html-to-text per email. */
async function runtimeMjmlRenderer(template: TemplateSources): Promise<(context: unknown, data: HelperData) => Promise<RenderedEmail>> {
  const mjml = await loadMjml();
  const env = Handlebars.create();
  env.registerHelper(createHelpers('html'));
  const body = env.compile(template.mjml, { knownHelpersOnly: false });
  const subject = env.compile(template.subject, { noEscape: true });
  return async (context, data) => {
    // mjml's defaults (soft validation), as a service rendering MJML per email would call it
    const { html } = await mjml(body(context, { data }), { keepComments: false, ignoreIncludes: true });
    return { kind: template.kind, locale: template.locale, subject: singleLine(subject(context, { data })), html, text: convert(html, HTML_TO_TEXT) };
  };
}

/** Loading mjml is part of every cold start that renders with it: measured in a fresh process. */
function mjmlLoadMillis(): number {
  const script = "const t = performance.now(); await import('mjml'); console.log(performance.now() - t);";
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('../../', import.meta.url)) });
  return Number.parseFloat(result.stdout.trim());
}

export async function benchTemplates(): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const options = (locale: string) => ({ locale, fallbackLocale: 'en' });
  const renderAcknowledgement = (): void => keep(renderEmail('acknowledgement', sampleContexts.acknowledgement, options('en')));

  // MJML at run time, same template and data
  const compiled = await compileTemplateSet();
  const source = compiled.templates.find((t) => t.kind === 'acknowledgement' && t.locale === 'en');
  if (!source) throw new Error('acknowledgement/en did not compile');
  const runtimeRender = await runtimeMjmlRenderer(source);
  const data: HelperData = { locale: 'en', intl: 'en-GB', timeZone: compiled.settings?.brand.timeZone ?? 'UTC' };
  const renderWithMjml = async (): Promise<void> => keep(await runtimeRender(sampleContexts.acknowledgement, data));

  // Interleaved rounds, so both ways are measured under the same machine load; medians of the rounds.
  const renderFlat = (): void => keepFlat(renderEmail('acknowledgement', sampleContexts.acknowledgement, options('en')));
  // What production pays: every complaint has its own times, so the date formatting caches miss.
  const base = sampleContexts.acknowledgement;
  const shifted = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
  const variedContexts = Array.from({ length: 40_000 }, (_, index) => ({
    ...base,
    complaint: { ...base.complaint, receivedAt: shifted(base.complaint.receivedAt, index) },
    sla: { ...base.sla, firstResponseDue: shifted(base.sla.firstResponseDue, index), resolutionDue: shifted(base.sla.resolutionDue, index) },
  }));
  let nextVaried = 0;
  const renderVaried = (): void => keep(renderEmail('acknowledgement', variedContexts[nextVaried++ % variedContexts.length]!, options('en')));
  const precompiledRounds: number[] = [];
  const flatRounds: number[] = [];
  const mjmlRounds: number[] = [];
  measure(1, 20_000, renderAcknowledgement);
  for (let i = 0; i < 3; i++) await renderWithMjml();
  for (let round = 0; round < 9; round++) {
    precompiledRounds.push(measure(1, 10_000, renderAcknowledgement));
    flatRounds.push(measure(1, 10_000, renderFlat));
    mjmlRounds.push(await measureAsync(5, renderWithMjml));
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const acknowledgement = median(precompiledRounds);
  const flat = median(flatRounds);
  const mjmlMicros = median(mjmlRounds);
  const varied = measure(5, 8_000, renderVaried);

  // every template × locale, precompiled
  const all: Array<[EmailKind, string]> = EMAIL_KINDS.flatMap((kind) => LOCALES.map((locale): [EmailKind, string] => [kind, locale]));
  const perTemplate = all.map(([kind, locale]) => measure(5, 2_000, () => keep(renderEmail(kind, sampleContexts[kind] as never, options(locale)))));
  const mean = perTemplate.reduce((sum, value) => sum + value, 0) / perTemplate.length;
  const slowestIndex = perTemplate.indexOf(Math.max(...perTemplate));
  const slowest = all[slowestIndex] ?? ['acknowledgement', 'en'];

  const speedup = mjmlMicros / acknowledgement;
  rows.push(
    { name: 'precompiled render, acknowledgement (validate + subject + HTML + text)', value: acknowledgement, unit: 'µs', target: `< ${TARGET_MICROS} µs`, ok: acknowledgement < TARGET_MICROS },
    { name: 'MJML at run time, acknowledgement (Handlebars + mjml + html-to-text)', value: mjmlMicros / 1000, unit: 'ms' },
    { name: 'speed-up, precompiled vs MJML at run time', value: speedup, unit: '×', target: `≥ ${TARGET_SPEEDUP}×`, ok: speedup >= TARGET_SPEEDUP },
    { name: 'precompiled render, a different complaint each call (date caches miss)', value: varied, unit: 'µs', target: `< ${TARGET_MICROS} µs`, ok: varied < TARGET_MICROS },
    { name: 'speed-up for a different complaint each call', value: mjmlMicros / varied, unit: '×' },
    { name: 'precompiled render incl. joining the output strings', value: flat, unit: 'µs' },
    { name: 'speed-up incl. joining the output strings', value: mjmlMicros / flat, unit: '×' },
    { name: 'precompiled render, mean of all 36 templates', value: mean, unit: 'µs', target: `< ${TARGET_MICROS} µs`, ok: mean < TARGET_MICROS },
    { name: `precompiled render, slowest (${slowest[0]}/${slowest[1]})`, value: Math.max(...perTemplate), unit: 'µs' },
    { name: 'loading mjml (each cold start that used it; fresh process)', value: mjmlLoadMillis(), unit: 'ms' },
  );
  if (sink === 0) throw new Error('nothing rendered');
  return { title: 'Email templates: render time per email', rows };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const result = await benchTemplates();
  console.log(result.title);
  for (const row of result.rows) {
    const verdict = row.ok === undefined ? ' ' : row.ok ? '✓' : '✗';
    console.log(`  ${verdict} ${row.name.padEnd(78)} ${row.value.toFixed(row.value >= 100 ? 0 : 2).padStart(10)} ${row.unit.padEnd(3)} ${row.target ? `(target ${row.target})` : ''}`);
  }
}
