/**
 * Build-time only: reads templates/ (locales.json, brand.json, _layout, _partials, <kind>/<locale>.*)
 * and composes a template's pieces into one source while remembering, for every line, which file
 * and line it came from, so each problem can be reported as file:line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DURATION_UNITS, type LocaleSettings } from '#templates/helpers';
import { EMAIL_KINDS, isEmailKind, type EmailKind } from '#templates/schemas';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface Diagnostic {
  /** Path shown to the admin, e.g. templates/acknowledgement/en.mjml. */
  file: string;
  line?: number | undefined;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`;
}

export interface Origin {
  file: string;
  line: number;
}

/** Text plus the origin of each of its lines (origins[i] is where line i+1 came from). */
export interface Composed {
  text: string;
  origins: Origin[];
}

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Display path (relative to the templates folder's parent). */
  file: string;
  text: string;
}

export interface FrontMatterField {
  value: string;
  line: number;
}

export interface TemplateSource {
  kind: EmailKind;
  locale: string;
  mjml: SourceFile;
  subject?: FrontMatterField | undefined;
  preheader?: FrontMatterField | undefined;
  /** The MJML body after the front matter. */
  body: string;
  /** Line number (in the file) of the body's first line. */
  bodyLine: number;
  /** The optional hand-written plain-text part. */
  txt?: SourceFile | undefined;
}

// ---------------------------------------------------------------------------------------------
// Settings: templates/locales.json and templates/brand.json
// ---------------------------------------------------------------------------------------------

const localeCode = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language code such as "en" or "nb"');
const unitWords = z.partialRecord(z.enum(['zero', 'one', 'two', 'few', 'many', 'other']), z.string().min(1));

export const localesFileSchema = z.object({
  /** Used only when neither the customer's language nor the configured default has a template. */
  fallback: localeCode,
  locales: z
    .array(
      z.object({
        code: localeCode,
        name: z.string().min(1),
        intl: z.string().min(2),
        durationUnits: z.partialRecord(z.enum(DURATION_UNITS), unitWords).optional(),
      }),
    )
    .min(1),
  aliases: z.record(z.string(), localeCode).default({}),
});
export type LocalesFile = z.infer<typeof localesFileSchema>;

const colour = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'a colour such as #1f4e79');
const safeAttribute = z.string().refine((value) => !/["<>]/.test(value), 'text without quotes or angle brackets');

export const brandFileSchema = z.object({
  name: z.string().min(1),
  postalAddress: z.array(z.string()),
  website: z.string().optional(),
  signOff: z.string().min(1),
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Copenhagen'),
  logo: z.object({ url: z.url().pipe(safeAttribute), width: z.number().int().min(16).max(600), height: z.number().int().min(8).max(300).optional() }),
  colours: z.object({
    primary: colour,
    onPrimary: colour,
    text: colour,
    muted: colour,
    link: colour,
    background: colour,
    panel: colour,
    highlight: colour,
    border: colour,
  }),
  font: safeAttribute,
});
export type BrandFile = z.infer<typeof brandFileSchema>;

export interface TemplateSettings {
  fallback: string;
  locales: LocaleSettings[];
  aliases: Record<string, string>;
  brand: BrandFile;
}

/** Line of the first occurrence of "key" in a JSON text, for pointing at a bad field. */
function lineOfKey(text: string, path: ReadonlyArray<PropertyKey>): number | undefined {
  let from = 0;
  let line: number | undefined;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const at = text.indexOf(`"${key}"`, from);
    if (at < 0) break;
    from = at;
    line = text.slice(0, at).split('\n').length;
  }
  return line;
}

function readJson<T>(file: SourceFile, schema: z.ZodType<T>, diagnostics: Diagnostic[]): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position ? file.text.slice(0, Number(position)).split('\n').length : undefined;
    diagnostics.push({ file: file.file, line, message: `not valid JSON: ${message}` });
    return undefined;
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || '(file)';
      diagnostics.push({ file: file.file, line: lineOfKey(file.text, issue.path), message: `${path}: ${issue.message}` });
    }
    return undefined;
  }
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Loading the folder
// ---------------------------------------------------------------------------------------------

export interface TemplateSet {
  dir: string;
  settings?: TemplateSettings | undefined;
  localesFile?: SourceFile | undefined;
  layout?: SourceFile | undefined;
  /** Partials by file name without extension: "signature.da" or "header". */
  partials: Map<string, SourceFile>;
  templates: TemplateSource[];
  /** Every file read, for change detection (preview) and the build's input hash. */
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

export const LAYOUT_FILE = '_layout/layout.mjml';
/** Partials the layout fills in itself; templates cannot define them. */
export const SLOTS = ['content', 'preheader', 'brand-attributes'] as const;

function readSource(dir: string, path: string): SourceFile {
  return { path, file: relative(dirname(dir), path).split('\\').join('/'), text: readFileSync(path, 'utf8').replace(/\r\n?/g, '\n') };
}

function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')).sort() : [];
}

const FRONT_MATTER_KEYS = ['subject', 'preheader'] as const;

/** Splits "---\nsubject: ...\n---\n<body>"; reports unknown keys and missing subjects. */
export function parseFrontMatter(file: SourceFile, diagnostics: Diagnostic[]): Pick<TemplateSource, 'subject' | 'preheader' | 'body' | 'bodyLine'> {
  const lines = file.text.split('\n');
  if (lines[0]?.trim() !== '---') {
    diagnostics.push({ file: file.file, line: 1, message: 'missing subject: the file must start with a "---" block containing "subject: ..."' });
    return { body: file.text, bodyLine: 1 };
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) {
    diagnostics.push({ file: file.file, line: 1, message: 'the "---" block at the top is never closed with a second "---" line' });
    return { body: '', bodyLine: lines.length };
  }
  const fields: Partial<Record<(typeof FRONT_MATTER_KEYS)[number], FrontMatterField>> = {};
  for (let index = 1; index < end; index++) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const match = /^\s*([A-Za-z-]+)\s*:\s*(.*)$/.exec(raw);
    const key = match?.[1];
    if (!match || !key) {
      diagnostics.push({ file: file.file, line: index + 1, message: `expected "name: value" in the "---" block, found ${JSON.stringify(raw.trim())}` });
      continue;
    }
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      diagnostics.push({ file: file.file, line: index + 1, message: `unknown setting "${key}" (allowed: ${FRONT_MATTER_KEYS.join(', ')})` });
      continue;
    }
    fields[key as (typeof FRONT_MATTER_KEYS)[number]] = { value: (match[2] ?? '').trim(), line: index + 1 };
  }
  if (!fields.subject || fields.subject.value === '') {
    diagnostics.push({ file: file.file, line: fields.subject?.line ?? 1, message: 'missing subject: add a line "subject: ..." to the "---" block' });
  }
  return { subject: fields.subject, preheader: fields.preheader, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

export function loadTemplateSet(dir: string = DEFAULT_TEMPLATES_DIR): TemplateSet {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  const read = (path: string): SourceFile => {
    const source = readSource(dir, path);
    files.push(source);
    return source;
  };
  const display = (path: string): string => relative(dirname(dir), path).split('\\').join('/');

  let localesFile: SourceFile | undefined;
  let locales: LocalesFile | undefined;
  let brand: BrandFile | undefined;
  const localesPath = join(dir, 'locales.json');
  const brandPath = join(dir, 'brand.json');
  if (existsSync(localesPath)) {
    localesFile = read(localesPath);
    locales = readJson(localesFile, localesFileSchema, diagnostics);
  } else diagnostics.push({ file: display(localesPath), message: 'missing: this file lists the languages every template must exist in' });
  if (existsSync(brandPath)) brand = readJson(read(brandPath), brandFileSchema, diagnostics);
  else diagnostics.push({ file: display(brandPath), message: 'missing: this file holds the logo, colours and time zone' });

  if (locales && localesFile) {
    const codes = locales.locales.map((l) => l.code);
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) diagnostics.push({ file: localesFile.file, line: lineOfLocale(localesFile, code), message: `locale "${code}" is listed twice` });
    });
    if (!codes.includes(locales.fallback)) {
      diagnostics.push({ file: localesFile.file, line: lineOfKey(localesFile.text, ['fallback']), message: `fallback "${locales.fallback}" is not one of the listed locales (${codes.join(', ')})` });
    }
    for (const [alias, target] of Object.entries(locales.aliases)) {
      if (!codes.includes(target)) diagnostics.push({ file: localesFile.file, line: lineOfKey(localesFile.text, ['aliases', alias]), message: `alias "${alias}" points to "${target}", which is not a listed locale` });
    }
  }
  const settings: TemplateSettings | undefined =
    locales && brand
      ? {
          fallback: locales.fallback,
          locales: locales.locales.map(({ code, intl, durationUnits }) => ({ code, intl, ...(durationUnits ? { durationUnits } : {}) })),
          aliases: locales.aliases,
          brand,
        }
      : undefined;

  const layoutPath = join(dir, LAYOUT_FILE);
  const layout = existsSync(layoutPath) ? read(layoutPath) : undefined;
  if (!layout) diagnostics.push({ file: display(layoutPath), message: 'missing: the shared layout every email is placed in' });

  const partials = new Map<string, SourceFile>();
  for (const name of listFiles(join(dir, '_partials'))) {
    const match = /^([a-z0-9-]+)(?:\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*))?\.(mjml|txt)$/.exec(name);
    const path = join(dir, '_partials', name);
    if (!match) {
      diagnostics.push({ file: display(path), message: 'unexpected file name: partials are named <name>.mjml, <name>.<locale>.mjml, <name>.txt or <name>.<locale>.txt' });
      continue;
    }
    if ((SLOTS as readonly string[]).includes(match[1] ?? '')) {
      diagnostics.push({ file: display(path), message: `"${match[1]}" is filled in by the layout; choose another partial name` });
      continue;
    }
    partials.set(name, read(path));
  }

  const templates: TemplateSource[] = [];
  const codes = locales?.locales.map((l) => l.code) ?? [];
  for (const entry of listFiles(dir)) {
    const path = join(dir, entry);
    if (entry.startsWith('_') || !statSync(path).isDirectory()) continue;
    if (!isEmailKind(entry)) {
      diagnostics.push({ file: `${display(path)}/`, message: `"${entry}" is not a template kind (known: ${EMAIL_KINDS.join(', ')})` });
      continue;
    }
    const kind = entry;
    const names = listFiles(path);
    for (const name of names) {
      const match = /^(.+)\.(mjml|txt)$/.exec(name);
      const locale = match?.[1];
      if (!match || !locale) {
        diagnostics.push({ file: display(join(path, name)), message: 'unexpected file: templates are <locale>.mjml with an optional <locale>.txt' });
        continue;
      }
      if (locales && !codes.includes(locale)) {
        diagnostics.push({ file: display(join(path, name)), message: `locale "${locale}" is not listed in ${localesFile?.file ?? 'locales.json'} (listed: ${codes.join(', ')})` });
        continue;
      }
      if (match[2] === 'txt' && !names.includes(`${locale}.mjml`)) {
        diagnostics.push({ file: display(join(path, name)), message: `a plain-text part needs its ${locale}.mjml next to it (the subject lives there)` });
      }
    }
    for (const locale of codes) {
      const mjmlPath = join(path, `${locale}.mjml`);
      if (!existsSync(mjmlPath)) {
        diagnostics.push({
          file: localesFile?.file ?? display(localesPath),
          line: localesFile ? lineOfLocale(localesFile, locale) : undefined,
          message: `locale "${locale}" has no ${kind} template: create ${display(mjmlPath)}`,
        });
        continue;
      }
      const mjml = read(mjmlPath);
      const txtPath = join(path, `${locale}.txt`);
      const txt = existsSync(txtPath) ? read(txtPath) : undefined;
      templates.push({ kind, locale, mjml, txt, ...parseFrontMatter(mjml, diagnostics) });
    }
  }
  for (const kind of EMAIL_KINDS) {
    if (!existsSync(join(dir, kind))) diagnostics.push({ file: `${display(join(dir, kind))}/`, message: `missing: every kind needs a folder with one template per locale` });
  }
  return { dir, settings, localesFile, layout, partials, templates, files, diagnostics };
}

function lineOfLocale(file: SourceFile, code: string): number | undefined {
  const at = file.text.search(new RegExp(`"code"\\s*:\\s*"${code.replace(/[^a-z0-9-]/gi, '')}"`));
  return at < 0 ? undefined : file.text.slice(0, at).split('\n').length;
}

/** The files preview watches: everything under templates/ (cheap stat-based change detection). */
export function listTemplateFiles(dir: string = DEFAULT_TEMPLATES_DIR): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const name of listFiles(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Composition: {{> name}} is replaced by the partial's text, keeping line origins
// ---------------------------------------------------------------------------------------------

const PARTIAL_REFERENCE = /\{\{>\s*([A-Za-z0-9_-]+)\s*\}\}/g;

export interface ComposeContext {
  locale: string;
  extension: 'mjml' | 'txt';
  partials: Map<string, SourceFile>;
  /** Slot name -> composed text (content, preheader, brand-attributes). */
  slots: Map<string, Composed>;
  diagnostics: Diagnostic[];
}

export function fromText(text: string, file: string, firstLine: number): Composed {
  const lines = text.split('\n');
  return { text, origins: lines.map((_, index) => ({ file, line: firstLine + index })) };
}

/** Resolves "<name>.<locale>.<ext>", then the locale's base language, then "<name>.<ext>". */
export function findPartial(name: string, context: Pick<ComposeContext, 'locale' | 'extension' | 'partials'>): SourceFile | undefined {
  const base = context.locale.split('-')[0] ?? context.locale;
  for (const key of [`${name}.${context.locale}.${context.extension}`, `${name}.${base}.${context.extension}`, `${name}.${context.extension}`]) {
    const found = context.partials.get(key);
    if (found) return found;
  }
  return undefined;
}

export function compose(source: Composed, context: ComposeContext, stack: string[] = []): Composed {
  const outLines: string[] = [];
  const outOrigins: Origin[] = [];
  const sourceLines = source.text.split('\n');
  sourceLines.forEach((lineText, index) => {
    const origin = source.origins[index] ?? source.origins[source.origins.length - 1] ?? { file: '?', line: 0 };
    let current = '';
    let currentOrigin = origin;
    let last = 0;
    for (const match of lineText.matchAll(PARTIAL_REFERENCE)) {
      const name = match[1] ?? '';
      current += lineText.slice(last, match.index);
      last = (match.index ?? 0) + match[0].length;
      const inserted = resolveReference(name, origin, context, stack);
      if (!inserted) continue;
      const insertedLines = inserted.text.split('\n');
      insertedLines.forEach((insertedLine, insertedIndex) => {
        if (insertedIndex === 0) {
          if (current.trim() === '') currentOrigin = inserted.origins[0] ?? currentOrigin;
          current += insertedLine;
          return;
        }
        outLines.push(current);
        outOrigins.push(currentOrigin);
        current = insertedLine;
        currentOrigin = inserted.origins[insertedIndex] ?? origin;
      });
    }
    current += lineText.slice(last);
    outLines.push(current);
    outOrigins.push(currentOrigin);
  });
  return { text: outLines.join('\n'), origins: outOrigins };
}

function resolveReference(name: string, origin: Origin, context: ComposeContext, stack: string[]): Composed | undefined {
  const slot = context.slots.get(name);
  if (slot) {
    // a slot's own text may use partials, but not slots (no {{> content}} inside the content)
    return compose(slot, { ...context, slots: new Map() }, stack);
  }
  if ((SLOTS as readonly string[]).includes(name)) {
    context.diagnostics.push({ ...origin, message: `{{> ${name}}} can only be used in the layout` });
    return undefined;
  }
  const partial = findPartial(name, context);
  if (!partial) {
    const known = [...new Set([...context.partials.keys()].filter((key) => key.endsWith(`.${context.extension}`)).map((key) => key.split('.')[0]))];
    context.diagnostics.push({
      ...origin,
      message: `unknown partial "${name}" for locale ${context.locale} (${context.extension} partials: ${known.join(', ') || 'none'})`,
    });
    return undefined;
  }
  if (stack.includes(partial.file)) {
    context.diagnostics.push({ ...origin, message: `partial "${name}" includes itself (${[...stack, partial.file].join(' -> ')})` });
    return undefined;
  }
  const text = partial.text.replace(/\n$/, '');
  return compose(fromText(text, partial.file, 1), context, [...stack, partial.file]);
}

export function partialBaseName(file: SourceFile): string {
  return basename(file.path).split('.')[0] ?? '';
}
