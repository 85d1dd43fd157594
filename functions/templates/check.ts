/**
 * `npx complaints templates check`: everything the build checks, plus rendering every template
 * with the sample data through the same precompiled path the Lambdas use, so a template that
 * compiles but fails or leaks at render time is caught too.
 */
import { compileTemplateSet, evaluateTemplates, type TemplateSources } from '#templates/compiler';
import { createTemplateRuntime, type CompiledTemplateSet } from '#templates/runtime';
import { sampleWithBrand } from '#templates/sample-data';
import { EMAIL_KINDS, type EmailKind } from '#templates/schemas';
import { DEFAULT_TEMPLATES_DIR, type Diagnostic, type TemplateSettings } from '#templates/source';

export interface CheckResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  templates: number;
  kinds: number;
  locales: string[];
}

/** Leftovers that mean a variable did not get filled in: {{name}}, {name}, ${name}, %name%. */
const LEAK = /\{\{|\}\}|\{[A-Za-z_][\w.]*\}|\$\{[^}]*\}|%[A-Za-z_][\w.]*%/;

export function renderSamples(templates: TemplateSources[], settings: TemplateSettings): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let compiled: CompiledTemplateSet;
  try {
    compiled = evaluateTemplates(templates);
  } catch (error) {
    return [{ file: templates[0]?.file ?? 'templates', message: `compiled templates do not load: ${(error as Error).message}` }];
  }
  const runtime = createTemplateRuntime(compiled, {
    fallback: settings.fallback,
    locales: settings.locales,
    aliases: settings.aliases,
    timeZone: settings.brand.timeZone,
  });
  for (const template of templates) {
    const kind: EmailKind = template.kind;
    try {
      const rendered = runtime.renderEmail(kind, sampleWithBrand(kind, settings.brand), { locale: template.locale, fallbackLocale: template.locale });
      if (rendered.locale !== template.locale) {
        diagnostics.push({ file: template.file, message: `rendered as "${rendered.locale}" instead of "${template.locale}"` });
      }
      if (rendered.subject.trim() === '') diagnostics.push({ file: template.file, line: 2, message: 'the subject renders empty with the sample data' });
      for (const [part, output] of [
        ['subject', rendered.subject],
        ['text part', rendered.text],
        ['HTML', htmlText(rendered.html)],
      ] as const) {
        const leak = LEAK.exec(output);
        if (leak) {
          const at = Math.max(0, leak.index - 20);
          diagnostics.push({ file: template.file, message: `the ${part} still contains "${leak[0]}" after rendering (…${output.slice(at, leak.index + 20).replace(/\s+/g, ' ')}…)` });
        }
      }
    } catch (error) {
      diagnostics.push({ file: template.file, message: `rendering with the sample data failed: ${(error as Error).message.split('\n')[0] ?? ''}` });
    }
  }
  return diagnostics;
}

/** The text a reader sees in the HTML: tags, CSS and MSO conditionals removed, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#123;/g, '{')
    .replace(/&#125;/g, '}')
    .replace(/&amp;/g, '&');
}

export async function checkTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Promise<CheckResult> {
  const result = await compileTemplateSet(dir);
  const diagnostics = [...result.diagnostics];
  if (diagnostics.length === 0 && result.settings) diagnostics.push(...renderSamples(result.templates, result.settings));
  const locales = result.settings?.locales.map((locale) => locale.code) ?? [];
  return { ok: diagnostics.length === 0, diagnostics, templates: result.templates.length, kinds: EMAIL_KINDS.length, locales };
}
