/**
 * The run-time half of templating, independent of where the compiled template functions come
 * from (the build's .build/templates/compiled.js for the Lambdas, an in-memory compile for the
 * preview and the check). No Handlebars, no mjml: a template is a plain function.
 */
import { formatZodIssues } from '#core/errors';
import type { HelperData, LocaleSettings } from '#templates/helpers';
import { emailContextSchemas, type EmailContexts, type EmailKind } from '#templates/schemas';

export interface RenderedEmail<K extends EmailKind = EmailKind> {
  kind: K;
  /** The locale actually used, after fallback. */
  locale: string;
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  /** The complaint's language (en, da, nb, et, or a tag such as da-DK). */
  locale: string;
  /** The configured default, used when the complaint's language has no template. */
  fallbackLocale: string;
  /** IANA time zone for dates; defaults to templates/brand.json's timeZone. */
  timeZone?: string | undefined;
}

export interface TemplateRuntimeSettings {
  readonly fallback: string;
  readonly locales: ReadonlyArray<LocaleSettings>;
  readonly aliases: Readonly<Record<string, string>>;
  readonly timeZone: string;
}

/** One template, compiled: each part is (context, helper data) => string. */
export type TemplateFunction = (context: unknown, data: HelperData) => string;
export interface TemplateFunctions {
  readonly subject: TemplateFunction;
  readonly html: TemplateFunction;
  readonly text: TemplateFunction;
}
export type CompiledTemplateSet = Readonly<Record<string, Readonly<Record<string, TemplateFunctions>> | undefined>>;

export class TemplateContextError extends Error {
  readonly issues: string;
  constructor(kind: EmailKind, issues: string) {
    super(`The ${kind} email cannot be rendered; its context is invalid:\n${issues}`);
    this.name = 'TemplateContextError';
    this.issues = issues;
  }
}

export class TemplateNotFoundError extends Error {
  constructor(kind: string, tried: string[]) {
    super(`No ${kind} template for any of: ${tried.join(', ')} (run npm run build:templates?)`);
    this.name = 'TemplateNotFoundError';
  }
}

/** The order in which locales are tried: the request, its base language, aliases, then the fallbacks. */
export function localeCandidates(requested: string, fallbackLocale: string, settings: Pick<TemplateRuntimeSettings, 'fallback' | 'aliases'>): string[] {
  const out: string[] = [];
  const add = (tag: string): void => {
    const normal = tag.trim().replace(/_/g, '-').toLowerCase();
    if (!normal) return;
    const base = normal.split('-')[0] ?? normal;
    for (const candidate of [normal, settings.aliases[normal], base, settings.aliases[base]]) {
      if (candidate && !out.includes(candidate.toLowerCase())) out.push(candidate.toLowerCase());
    }
  };
  add(requested);
  add(fallbackLocale);
  add(settings.fallback);
  return out;
}

/** Strips control characters and line breaks: a subject is one header line. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex -- as above
const HAS_CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

export function singleLine(value: string): string {
  const flat = HAS_CONTROL.test(value) ? value.replace(CONTROL, ' ') : value;
  return (flat.includes('  ') ? flat.replace(/ {2,}/g, ' ') : flat).trim();
}

/**
 * Marks where {{#if}}/{{else}}/{{/if}} (and other blocks) sat in a text part generated from HTML,
 * when spaces touched them: BLOCK_MARK_SPACED where the build took a space away, BLOCK_MARK
 * where there was none. A block that renders nothing must not leave "late.   Next" or a space
 * at the start of a line behind, so tidyText turns each run of marks into one space (if any
 * of them carried one) or nothing (at the start or end of a line, or next to a space).
 */
export const BLOCK_MARK = '\u0001';
export const BLOCK_MARK_SPACED = '\u0002';
const MARK_RUN = /[\u0001\u0002]+/g;

function collapseMarks(run: string, offset: number, whole: string): string {
  if (!run.includes(BLOCK_MARK_SPACED)) return '';
  const before = whole.charCodeAt(offset - 1);
  const after = whole.charCodeAt(offset + run.length);
  // NaN at either end of the text; 10 newline, 32 space, 9 tab
  return before !== before || after !== after || before === 10 || after === 10 || before === 32 || after === 32 || before === 9 || after === 9 ? '' : ' ';
}

export function tidyText(text: string): string {
  const out = text.includes(BLOCK_MARK) || text.includes(BLOCK_MARK_SPACED) ? text.replace(MARK_RUN, collapseMarks) : text;
  return out.includes('\n\n\n') ? out.replace(/\n{3,}/g, '\n\n') : out;
}

export interface TemplateRuntime {
  renderEmail<K extends EmailKind>(kind: K, context: EmailContexts[K], options: RenderOptions): RenderedEmail<K>;
  resolveLocale(kind: EmailKind, locale: string, fallbackLocale: string): string | undefined;
}

/**
 * A renderer over a set of precompiled specs. Validates the context against the kind's schema,
 * picks the locale (fallback chain), renders subject, HTML and text.
 */
export function createTemplateRuntime(templates: CompiledTemplateSet, settings: TemplateRuntimeSettings): TemplateRuntime {
  const locales = new Map(settings.locales.map((locale) => [locale.code.toLowerCase(), locale]));
  /** The resolved locale per kind, requested locale and fallback: the chain is walked once per combination. */
  const resolved = new Map<EmailKind, Map<string, Map<string, string | null>>>();

  const resolveLocale = (kind: EmailKind, locale: string, fallbackLocale: string): string | undefined => {
    let byLocale = resolved.get(kind);
    if (!byLocale) resolved.set(kind, (byLocale = new Map()));
    let byFallback = byLocale.get(locale);
    if (!byFallback) {
      if (byLocale.size > 200) byLocale.clear();
      byLocale.set(locale, (byFallback = new Map()));
    }
    const known = byFallback.get(fallbackLocale);
    if (known !== undefined) return known ?? undefined;
    let found: string | undefined;
    const available = templates[kind];
    if (available) {
      for (const candidate of localeCandidates(locale, fallbackLocale, settings)) {
        const code = locales.get(candidate)?.code;
        if (code && available[code]) {
          found = code;
          break;
        }
      }
    }
    byFallback.set(fallbackLocale, found ?? null);
    return found;
  };

  return {
    resolveLocale,
    renderEmail<K extends EmailKind>(kind: K, context: EmailContexts[K], options: RenderOptions): RenderedEmail<K> {
      const parsed = emailContextSchemas[kind].safeParse(context);
      if (!parsed.success) throw new TemplateContextError(kind, formatZodIssues(parsed.error));
      const locale = resolveLocale(kind, options.locale, options.fallbackLocale);
      const template = locale ? templates[kind]?.[locale] : undefined;
      const localeSettings = locale ? locales.get(locale.toLowerCase()) : undefined;
      if (!locale || !template || !localeSettings) throw new TemplateNotFoundError(kind, localeCandidates(options.locale, options.fallbackLocale, settings));
      const data: HelperData = {
        locale,
        intl: localeSettings.intl,
        timeZone: options.timeZone ?? settings.timeZone,
        durationUnits: localeSettings.durationUnits,
      };
      return {
        kind,
        locale,
        subject: singleLine(template.subject(parsed.data, data)),
        html: template.html(parsed.data, data),
        text: template.text(parsed.data, data),
      };
    },
  };
}
