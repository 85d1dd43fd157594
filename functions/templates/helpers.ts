/**
 * The helpers templates may call. Deliberately few; each is documented in templates/README.md.
 *
 *   {{formatDate value ["date"|"datetime"|"time"]}}   locale-aware date, in the brand's time zone
 *   {{formatDuration value}}                            PT8H -> "8 hours" / "8 timer" / "8 tundi"
 *   {{formatNumber value ["decimal"|"integer"|"percent"]}}
 *   {{paragraphs value}}                                multi-line text: escaped, blank lines -> paragraphs
 *   {{#is value "literal"}}...{{else}}...{{/is}}        compare a value with one of its allowed values
 *
 * Plain functions, no dependencies: the compiled templates call them directly (templateRuntime).
 * Intl formatters are expensive to create (tens of microseconds), so they are cached.
 */

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
  // durationUnits belong to the locale, so the locale code alone keys the memo
  let memo = durationMemos.get(data.locale);
  if (!memo) durationMemos.set(data.locale, (memo = { results: new Map() }));
  return remember(memo, value, () => formatDurationUncached(value, data));
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

/** Memo per formatter: style -> Intl locale -> time zone (nested maps: no key strings to build). */
const dateMemos = new Map<string, Map<string, Map<string, Memo>>>();
const durationMemos = new Map<string, Memo>();

function dateMemo(style: DateStyle, intl: string, timeZone: string): Memo {
  let byIntl = dateMemos.get(style);
  if (!byIntl) dateMemos.set(style, (byIntl = new Map()));
  let byZone = byIntl.get(intl);
  if (!byZone) byIntl.set(intl, (byZone = new Map()));
  let memo = byZone.get(timeZone);
  if (!memo) byZone.set(timeZone, (memo = { results: new Map() }));
  return memo;
}

export function formatDate(value: string, style: DateStyle, data: HelperData): string {
  return remember(dateMemo(style, data.intl, data.timeZone), value, () => {
    const time = Date.parse(value);
    if (Number.isNaN(time)) throw new Error(`formatDate: "${value}" is not a date`);
    return dateFormat(data.intl, data.timeZone, style).format(time);
  });
}

const numberMemos = new Map<string, Map<string, Map<number, string>>>();

export function formatNumber(value: number, style: NumberStyle, data: HelperData): string {
  let byIntl = numberMemos.get(style);
  if (!byIntl) numberMemos.set(style, (byIntl = new Map()));
  let results = byIntl.get(data.intl);
  if (!results) byIntl.set(data.intl, (results = new Map()));
  let result = results.get(value);
  if (result === undefined) {
    result = numberFormat(data.intl, style).format(value);
    if (results.size >= MEMO_LIMIT) results.clear();
    results.set(value, result);
  }
  return result;
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

export function paragraphsText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n');
}

function styleOf<S extends string>(value: unknown, allowed: readonly S[], fallback: S, helper: string): S {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as S;
  throw new Error(`${helper}: style must be one of ${allowed.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------------------------
// The helpers as templates call them: a missing value renders as nothing, styles are checked.
// Shared by the compiled templates (via templateRuntime) and Handlebars (handlebars-helpers.ts).
// ---------------------------------------------------------------------------------------------

export function formatDateHelper(value: unknown, style: unknown, data: HelperData): string {
  if (value === undefined || value === null || value === '') return '';
  return formatDate(String(value), styleOf(style, DATE_STYLES, 'date', 'formatDate'), data);
}

export function formatDurationHelper(value: unknown, data: HelperData): string {
  if (value === undefined || value === null || value === '') return '';
  return formatDuration(String(value), data);
}

export function formatNumberHelper(value: unknown, style: unknown, data: HelperData): string {
  if (typeof value !== 'number') return value === undefined || value === null ? '' : String(value);
  return formatNumber(value, styleOf(style, NUMBER_STYLES, 'decimal', 'formatNumber'), data);
}

export function paragraphsHtmlHelper(value: unknown): string {
  return value === undefined || value === null ? '' : paragraphsHtml(String(value));
}

export function paragraphsTextHelper(value: unknown): string {
  return value === undefined || value === null ? '' : paragraphsText(String(value));
}

/** {{#if}}: Handlebars' rule: falsy values and empty lists are false (0 too). */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** {{#with}}: Handlebars' isEmpty: everything but 0 that is falsy, and empty lists. */
export function present(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value) || value === 0;
}

/** {{value}} in a text part or subject: no escaping, nothing for a missing value. */
export function toText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The plain-text part is written through this state instead of plain concatenation, so the
 * layout stays tidy whatever the {{#if}}s decide, without a pass over the finished text:
 * - a space the build took from beside a block tag is pending (sp) and is written only
 *   between two words on the same line, never twice, never at a line's start or end;
 * - at most one blank line in a row (nl counts the newlines the text ends with).
 */
export interface TextOutput {
  o: string;
  /** A space is pending. */
  sp: number;
  /** Newlines at the end of o (0, 1, 2); 2 at the start, so the text starts with a word. */
  nl: number;
  /** o ends with a space or tab. */
  bl: number;
}

export function textOutput(): TextOutput {
  return { o: '', sp: 0, nl: 2, bl: 0 };
}

/** Appends a piece of text; spacedBefore/After: a space sat beside a block tag there. */
export function put(out: TextOutput, piece: string, spacedBefore: number, spacedAfter: number): void {
  if (spacedBefore) out.sp = 1;
  const length = piece.length;
  if (length > 0) {
    let lead = 0;
    while (lead < length && piece.charCodeAt(lead) === 10) lead++;
    if (lead === 0) {
      if (out.sp) {
        const first = piece.charCodeAt(0);
        if (out.nl === 0 && !out.bl && first !== 32 && first !== 9) out.o += ' ';
        out.sp = 0;
      }
      out.o += piece;
    } else {
      out.sp = 0;
      const keep = out.nl >= 2 ? 0 : Math.min(lead, 2 - out.nl);
      out.o += keep === lead ? piece : piece.slice(lead - keep);
      if (lead === length) {
        out.nl += keep;
        out.bl = 0;
        if (spacedAfter) out.sp = 1;
        return;
      }
    }
    const last = piece.charCodeAt(length - 1);
    out.nl = last !== 10 ? 0 : length > 1 && piece.charCodeAt(length - 2) === 10 ? 2 : 1;
    out.bl = last === 32 || last === 9 ? 1 : 0;
  }
  if (spacedAfter) out.sp = 1;
}

/** Everything compiled templates call (see codegen.ts). */
export const templateRuntime = {
  textOutput,
  put,
  esc: escapeExpression,
  str: toText,
  truthy,
  present,
  formatDate: formatDateHelper,
  formatDuration: formatDurationHelper,
  formatNumber: formatNumberHelper,
  paragraphsHtml: paragraphsHtmlHelper,
  paragraphsText: paragraphsTextHelper,
};
export type TemplateRuntimeHelpers = typeof templateRuntime;
