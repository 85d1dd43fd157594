/**
 * The helpers templates may call. Deliberately few; each is documented in templates/README.md.
 *
 *   {{formatDate value ["date"|"datetime"|"time"]}}   locale-aware date, in the brand's time zone
 *   {{formatDuration value}}                            PT8H -> "8 hours" / "8 timer" / "8 tundi"
 *   {{formatNumber value ["decimal"|"integer"|"percent"]}}
 *   {{paragraphs value}}                                multi-line text: escaped, blank lines -> paragraphs
 *   {{#is value "literal"}}...{{else}}...{{/is}}        compare a value with one of its allowed values
 *
 * Runtime-safe: imports only handlebars/runtime (no compiler, no mjml). Intl formatters are
 * expensive to create (tens of microseconds), so they are cached per locale and style.
 */
import Runtime from 'handlebars/runtime';
import type { HelperDelegate, HelperOptions } from 'handlebars';

export const DATE_STYLES = ['date', 'datetime', 'time'] as const;
export const NUMBER_STYLES = ['decimal', 'integer', 'percent'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];
export type NumberStyle = (typeof NUMBER_STYLES)[number];

export const DURATION_UNITS = ['week', 'day', 'hour', 'minute', 'second'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
/** Plural forms for a unit, keyed by Intl.PluralRules category: { "one": "dag", "other": "dager" }. */
export type UnitWords = Partial<Record<Intl.LDMLPluralRule, string>>;

/** One locale as declared in templates/locales.json. */
export interface LocaleSettings {
  code: string;
  /** The BCP-47 tag Intl formats with, e.g. en-GB for British dates. */
  intl: string;
  /** Overrides for the words Intl uses for duration units. */
  durationUnits?: Partial<Record<DurationUnit, UnitWords>>;
}

/** What every helper reads from Handlebars' @data. */
export interface HelperData {
  locale: string;
  intl: string;
  timeZone: string;
  durationUnits?: Partial<Record<DurationUnit, UnitWords>> | undefined;
}

export type HelperMode = 'html' | 'text';

/** The names `templates check` and the compiler treat as helpers; anything else is a variable. */
export const HELPER_NAMES = ['formatDate', 'formatDuration', 'formatNumber', 'paragraphs', 'is'] as const;
export type HelperName = (typeof HELPER_NAMES)[number];
/** Handlebars' own block helpers that templates may use. */
export const BUILTIN_BLOCKS = ['if', 'unless', 'each', 'with'] as const;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  datetime: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
  time: { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
};

function dateFormat(intl: string, timeZone: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${intl}|${timeZone}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intl, { ...DATE_OPTIONS[style], timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

function numberFormat(intl: string, style: string, unit?: DurationUnit): Intl.NumberFormat {
  const key = `${intl}|${style}|${unit ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      style === 'percent'
        ? { style: 'percent', maximumFractionDigits: 1 }
        : style === 'integer'
          ? { maximumFractionDigits: 0 }
          : style === 'unit' && unit
            ? { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }
            : { maximumFractionDigits: 2 };
    format = new Intl.NumberFormat(intl, options);
    numberFormats.set(key, format);
  }
  return format;
}

function listFormat(intl: string): Intl.ListFormat {
  let format = listFormats.get(intl);
  if (!format) {
    format = new Intl.ListFormat(intl, { type: 'conjunction', style: 'long' });
    listFormats.set(intl, format);
  }
  return format;
}

function plural(intl: string): Intl.PluralRules {
  let rules = pluralRules.get(intl);
  if (!rules) {
    rules = new Intl.PluralRules(intl);
    pluralRules.set(intl, rules);
  }
  return rules;
}

const DURATION = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?)$/;
const UNIT_SECONDS: Record<DurationUnit, number> = { week: 604_800, day: 86_400, hour: 3_600, minute: 60, second: 1 };

/**
 * The two largest non-zero units, as written: P1DT4H30M -> "1 day and 4 hours". A duration
 * given in one unit is shown in that unit (P14D stays "14 days", PT48H stays "48 hours").
 */
export function formatDuration(value: string, data: HelperData): string {
  return remember(memoFor(durationMemos, `${data.locale}|${data.intl}`), value, () => formatDurationUncached(value, data));
}

function formatDurationUncached(value: string, data: HelperData): string {
  const match = DURATION.exec(value);
  if (!match) throw new Error(`formatDuration: "${value}" is not an ISO-8601 duration such as PT8H or P5D`);
  const amounts: Array<[DurationUnit, number]> = [];
  DURATION_UNITS.forEach((unit, index) => {
    const amount = Number(match[index + 1] ?? 0);
    if (amount > 0) amounts.push([unit, amount]);
  });
  if (amounts.length === 0) amounts.push(['minute', 0]);
  // Keep the two largest units; fold the rest into the smaller of them (rounded down).
  const shown = amounts.slice(0, 2);
  if (amounts.length > 2 && shown[1]) {
    const [smallUnit] = shown[1];
    const extraSeconds = amounts.slice(2).reduce((sum, [unit, amount]) => sum + amount * UNIT_SECONDS[unit], 0);
    shown[1] = [smallUnit, shown[1][1] + Math.floor(extraSeconds / UNIT_SECONDS[smallUnit])];
  }
  const parts = shown.map(([unit, amount]) => formatUnit(unit, amount, data));
  return parts.length === 1 ? (parts[0] ?? '') : listFormat(data.intl).format(parts);
}

function formatUnit(unit: DurationUnit, amount: number, data: HelperData): string {
  const words = data.durationUnits?.[unit];
  if (words) {
    const word = words[plural(data.intl).select(amount)] ?? words.other;
    if (word) return `${numberFormat(data.intl, 'decimal').format(amount)} ${word}`;
  }
  return numberFormat(data.intl, 'unit', unit).format(amount);
}

/**
 * One email formats the same due date in its preheader, HTML and text. Intl formatting costs
 * 1-2 µs, a Map lookup ~50 ns, so each formatter remembers its recent results (bounded).
 */
interface Memo {
  results: Map<string, string>;
}
const MEMO_LIMIT = 256;
function remember(memo: Memo, value: string, compute: () => string): string {
  let result = memo.results.get(value);
  if (result === undefined) {
    result = compute();
    if (memo.results.size >= MEMO_LIMIT) memo.results.clear();
    memo.results.set(value, result);
  }
  return result;
}

const dateMemos = new Map<string, Memo>();
const durationMemos = new Map<string, Memo>();

function memoFor(memos: Map<string, Memo>, key: string): Memo {
  let memo = memos.get(key);
  if (!memo) {
    memo = { results: new Map() };
    memos.set(key, memo);
  }
  return memo;
}

export function formatDate(value: string, style: DateStyle, data: HelperData): string {
  const memo = memoFor(dateMemos, `${data.intl}|${data.timeZone}|${style}`);
  return remember(memo, value, () => {
    const time = Date.parse(value);
    if (Number.isNaN(time)) throw new Error(`formatDate: "${value}" is not a date`);
    return dateFormat(data.intl, data.timeZone, style).format(time);
  });
}

export function formatNumber(value: number, style: NumberStyle, data: HelperData): string {
  return numberFormat(data.intl, style).format(value);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;', '{': '&#123;', '}': '&#125;' };
const NEEDS_ESCAPE = /[&<>"'`={}]/;
const ESCAPE_ALL = /[&<>"'`={}]/g;
/** Like Handlebars' escaping, plus braces, so text a customer wrote can never read as a template. */
export function escapeHtml(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPE_ALL, (char) => HTML_ESCAPES[char] ?? char) : value;
}

function hasToHtml(value: object): value is { toHTML(): unknown } {
  return typeof (value as { toHTML?: unknown }).toHTML === 'function';
}

/**
 * What every {{value}} in an HTML template goes through (the build wires compiled templates to
 * it instead of Handlebars' own escapeExpression). Same contract as Handlebars': SafeStrings pass,
 * null/undefined become '', everything else is stringified and escaped.
 */
export function escapeExpression(value: unknown): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && hasToHtml(value)) return String(value.toHTML());
  return escapeHtml(String(value));
}

/** Multi-line text (an agent's reply, a summary): escaped, newlines kept, blank lines start a paragraph. */
export function paragraphsHtml(value: string): string {
  const paragraphs = value.replace(/\r\n?/g, '\n').trim().split(/\n[ \t]*\n+/);
  return paragraphs
    .map((paragraph, index) => `<p style="margin:0${index < paragraphs.length - 1 ? ' 0 12px 0' : ''};">${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

function paragraphsText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

function isHelperOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'data' in value && 'hash' in value;
}

function helperData(options: unknown, helper: string): HelperData {
  if (!isHelperOptions(options)) throw new Error(`${helper}: called without Handlebars options`);
  const data: unknown = options.data;
  if (typeof data !== 'object' || data === null) throw new Error(`${helper}: rendered without locale data`);
  const { locale, intl, timeZone, durationUnits } = data as Partial<HelperData>;
  if (typeof locale !== 'string' || typeof intl !== 'string' || typeof timeZone !== 'string') {
    throw new Error(`${helper}: rendered without locale data`);
  }
  return { locale, intl, timeZone, durationUnits };
}

/** Splits Handlebars' (...params, options) arguments. */
function split(args: unknown[]): { params: unknown[]; options: unknown } {
  return { params: args.slice(0, -1), options: args[args.length - 1] };
}

function styleOf<S extends string>(value: unknown, allowed: readonly S[], fallback: S, helper: string): S {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as S;
  throw new Error(`${helper}: style must be one of ${allowed.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(value)}`);
}

/** The helpers for one output mode; html escapes multi-line text into paragraphs, text keeps it as is. */
export function createHelpers(mode: HelperMode): Record<HelperName, HelperDelegate> {
  return {
    formatDate: (...args: unknown[]) => {
      const { params, options } = split(args);
      const [value, style] = params;
      if (value === undefined || value === null || value === '') return '';
      return formatDate(String(value), styleOf(style, DATE_STYLES, 'date', 'formatDate'), helperData(options, 'formatDate'));
    },
    formatDuration: (...args: unknown[]) => {
      const { params, options } = split(args);
      const [value] = params;
      if (value === undefined || value === null || value === '') return '';
      return formatDuration(String(value), helperData(options, 'formatDuration'));
    },
    formatNumber: (...args: unknown[]) => {
      const { params, options } = split(args);
      const [value, style] = params;
      if (typeof value !== 'number') return value === undefined || value === null ? '' : String(value);
      return formatNumber(value, styleOf(style, NUMBER_STYLES, 'decimal', 'formatNumber'), helperData(options, 'formatNumber'));
    },
    paragraphs: (...args: unknown[]) => {
      const [value] = split(args).params;
      if (value === undefined || value === null) return '';
      return mode === 'html' ? new Runtime.SafeString(paragraphsHtml(String(value))) : paragraphsText(String(value));
    },
    is: function (this: unknown, ...args: unknown[]) {
      const { params, options } = split(args);
      if (!isHelperOptions(options)) throw new Error('is: called without Handlebars options');
      const [value, expected] = params;
      return value === expected ? options.fn(this) : options.inverse(this);
    },
  };
}
