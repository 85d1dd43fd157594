/**
 * The run-time half of templating, independent of where the precompiled specs come from (the
 * build's .build/templates/compiled.js for the Lambdas, an in-memory compile for the preview).
 * Imports only handlebars/runtime: no compiler, no mjml.
 */
import Runtime from 'handlebars/runtime';
import { formatZodIssues } from '#core/errors';
import { createHelpers, type HelperData, type LocaleSettings } from '#templates/helpers';
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

export interface TemplateParts {
  readonly subject: TemplateSpecification;
  readonly html: TemplateSpecification;
  readonly text: TemplateSpecification;
}

interface Delegates {
  subject: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
}

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

function environment(mode: 'html' | 'text'): typeof Runtime {
  const env = Runtime.create();
  // Handlebars copies every registered helper on each call: keep only what templates may use.
  env.unregisterHelper('log');
  env.unregisterHelper('lookup');
  env.registerHelper(createHelpers(mode));
  return env;
}
const htmlEnvironment = environment('html');
const textEnvironment = environment('text');

export function instantiate(parts: TemplateParts): Delegates {
  return {
    subject: textEnvironment.template(parts.subject),
    html: htmlEnvironment.template(parts.html),
    text: textEnvironment.template(parts.text),
  };
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
export function singleLine(value: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Marks where {{#if}}/{{else}}/{{/if}} (and other blocks) sat in a text part generated from HTML.
 * A block that renders nothing leaves its neighbours' spaces behind ("late.   Next"); tidyText
 * collapses each run of marks and spaces into one space, or nothing at a line's start or end.
 */
export const BLOCK_MARK = '\u0001';
const MARKED_RUN = /[ \t]*\u0001[\u0001 \t]*/g;

export function tidyText(text: string): string {
  let out = text;
  if (out.includes(BLOCK_MARK)) {
    out = out.replace(MARKED_RUN, (run: string, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + run.length];
      if (before === undefined || before === '\n' || after === undefined || after === '\n') return '';
      return run.includes(' ') || run.includes('\t') ? ' ' : '';
    });
  }
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
export function createTemplateRuntime(
  specs: Readonly<Record<string, Readonly<Record<string, TemplateParts>> | undefined>>,
  settings: TemplateRuntimeSettings,
): TemplateRuntime {
  const cache = new Map<string, Delegates>();
  const locales = new Map(settings.locales.map((locale) => [locale.code.toLowerCase(), locale]));

  const resolveLocale = (kind: EmailKind, locale: string, fallbackLocale: string): string | undefined => {
    const available = specs[kind];
    if (!available) return undefined;
    for (const candidate of localeCandidates(locale, fallbackLocale, settings)) {
      const code = locales.get(candidate)?.code;
      if (code && available[code]) return code;
    }
    return undefined;
  };

  const delegatesFor = (kind: EmailKind, locale: string): Delegates | undefined => {
    const key = `${kind}/${locale}`;
    let delegates = cache.get(key);
    if (!delegates) {
      const parts = specs[kind]?.[locale];
      if (!parts) return undefined;
      delegates = instantiate(parts);
      cache.set(key, delegates);
    }
    return delegates;
  };

  return {
    resolveLocale,
    renderEmail<K extends EmailKind>(kind: K, context: EmailContexts[K], options: RenderOptions): RenderedEmail<K> {
      const parsed = emailContextSchemas[kind].safeParse(context);
      if (!parsed.success) throw new TemplateContextError(kind, formatZodIssues(parsed.error));
      const locale = resolveLocale(kind, options.locale, options.fallbackLocale);
      const delegates = locale ? delegatesFor(kind, locale) : undefined;
      const localeSettings = locale ? locales.get(locale.toLowerCase()) : undefined;
      if (!locale || !delegates || !localeSettings) throw new TemplateNotFoundError(kind, localeCandidates(options.locale, options.fallbackLocale, settings));
      const data: HelperData = {
        locale,
        intl: localeSettings.intl,
        timeZone: options.timeZone ?? settings.timeZone,
        durationUnits: localeSettings.durationUnits,
      };
      const runtimeOptions = { data };
      return {
        kind,
        locale,
        subject: singleLine(delegates.subject(parsed.data, runtimeOptions)),
        html: delegates.html(parsed.data, runtimeOptions),
        text: tidyText(delegates.text(parsed.data, runtimeOptions)),
      };
    },
  };
}
