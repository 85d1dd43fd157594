/**
 * Build-time only (loads mjml, the full Handlebars compiler and html-to-text; never bundled into
 * a Lambda). Turns templates/ into three Handlebars sources per kind × locale (subject, html,
 * text), checking everything an admin can get wrong on the way, and precompiles them.
 *
 *   <kind>/<locale>.mjml  ──front matter──> subject (+ preheader)
 *        │ body
 *   _layout/layout.mjml + _partials/*  ──compose──> MJML with {{…}}  ──mjml (strict)──> HTML with {{…}}
 *                                                                        └─html-to-text──> text with {{…}}
 *   (or <kind>/<locale>.txt + _partials/*.txt ──compose──> text)
 */
import Handlebars from 'handlebars';
import { convert, type HtmlToTextOptions, type SelectorDefinition } from 'html-to-text';
import { analyzeTemplate } from '#templates/analyze';
import { generateFunction } from '#templates/codegen';
import { handlebarsEnvironment } from '#templates/handlebars-helpers';
import { escapeExpression, HELPER_NAMES, templateRuntime, type TemplateRuntimeHelpers } from '#templates/helpers';
import { BLOCK_MARK, BLOCK_MARK_SPACED, type CompiledTemplateSet, type TemplateFunctions } from '#templates/runtime';
import { emailContextSchemas, type EmailKind } from '#templates/schemas';
import {
  compose,
  DEFAULT_TEMPLATES_DIR,
  fromText,
  loadTemplateSet,
  type BrandFile,
  type Composed,
  type Diagnostic,
  type SourceFile,
  type TemplateSet,
  type TemplateSettings,
  type TemplateSource,
} from '#templates/source';

export interface TemplateSources {
  kind: EmailKind;
  locale: string;
  /** The .mjml file the template came from (display path). */
  file: string;
  subject: string;
  html: string;
  text: string;
  /** Whether the text part was hand-written (.txt) or generated from the HTML. */
  textFrom: 'txt' | 'html';
  /** The composed MJML (layout + partials + body) with its {{…}}, before MJML ran: what a run-time MJML renderer would compile. */
  mjml: string;
}

export interface CompileResult {
  set: TemplateSet;
  settings?: TemplateSettings | undefined;
  templates: TemplateSources[];
  diagnostics: Diagnostic[];
}

export interface CompileOptions {
  /** Compile only these kinds/locales (preview of one template); checks still cover the shared files. */
  only?: { kind: EmailKind; locale: string } | undefined;
}

type MjmlError = { line?: number; message: string; tagName?: string };
type MjmlFunction = (input: string, options: Record<string, unknown>) => Promise<{ html: string; errors: MjmlError[] }> | { html: string; errors: MjmlError[] };

let mjmlModule: Promise<MjmlFunction> | undefined;
/** mjml is loaded lazily (≈400 ms) and only at build, check and preview time. */
export function loadMjml(): Promise<MjmlFunction> {
  mjmlModule ??= import('mjml').then((module: unknown) => {
    const candidate = (module as { default?: unknown }).default ?? module;
    if (typeof candidate !== 'function') throw new Error('mjml did not export a function');
    return candidate as MjmlFunction;
  });
  return mjmlModule;
}

const HANDLEBARS_OPTIONS = {
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((name) => [name, true])),
  knownHelpersOnly: true,
  preventIndent: true,
} as const;

// ---------------------------------------------------------------------------------------------
// Brand: brand.json -> <mj-attributes> the layout pulls in with {{> brand-attributes}}
// ---------------------------------------------------------------------------------------------

export function brandAttributes(brand: BrandFile): string {
  const c = brand.colours;
  return [
    '<mj-attributes>',
    `  <mj-all font-family="${brand.font}" />`,
    `  <mj-body background-color="${c.background}" width="600px" />`,
    `  <mj-section background-color="${c.panel}" padding="0 24px" />`,
    `  <mj-column padding="0" />`,
    `  <mj-text color="${c.text}" font-size="15px" line-height="1.55" padding="0 0 14px 0" />`,
    `  <mj-button background-color="${c.primary}" color="${c.onPrimary}" font-size="15px" border-radius="4px" padding="4px 0 18px 0" align="left" />`,
    `  <mj-divider border-color="${c.border}" border-width="1px" padding="8px 0 18px 0" />`,
    `  <mj-table color="${c.text}" font-size="14px" line-height="1.5" padding="0 0 14px 0" />`,
    `  <mj-class name="logo" src="${brand.logo.url}" width="${brand.logo.width}px"${brand.logo.height ? ` height="${brand.logo.height}px"` : ''} />`,
    `  <mj-class name="band" background-color="${c.primary}" />`,
    `  <mj-class name="on-band" color="${c.onPrimary}" />`,
    `  <mj-class name="muted" color="${c.muted}" font-size="13px" line-height="1.5" />`,
    `  <mj-class name="highlight" container-background-color="${c.highlight}" padding="12px 14px" />`,
    `  <mj-class name="heading" font-size="20px" font-weight="bold" line-height="1.3" padding="0 0 12px 0" />`,
    `  <mj-class name="footer" border-top="1px solid ${c.border}" />`,
    '</mj-attributes>',
    '<mj-style>',
    `  a { color: ${c.link}; }`,
    `  .on-band a { color: ${c.onPrimary}; }`,
    `  .rating-link { border: 1px solid ${c.primary}; color: ${c.primary} !important; }`,
    '</mj-style>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// HTML with {{…}} -> text with {{…}}
// ---------------------------------------------------------------------------------------------

export const HTML_TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'title', format: 'skip' },
    // The preheader (<mj-preview>) is hidden text for the inbox list, not part of the message.
    { selector: 'div[style^="display:none;font-size:1px"]', format: 'skip' },
    // css-class="text-skip" on an MJML element: HTML only. <div class="text-only" style="display:none">: text only.
    { selector: '.text-skip', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['<', '>'] } as NonNullable<SelectorDefinition['options']> },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'block' },
    { selector: 'tbody', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'block' },
    { selector: 'table.data', format: 'dataTable', options: { uppercaseHeaderCells: false, maxColumnWidth: 40 } },
  ],
};

const EXPRESSION = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{[\s\S]*?\}\}/g;

/**
 * Converts the compiled HTML template into a text template. Every {{…}} is swapped for an inert
 * token first so html-to-text cannot wrap, upper-case or decode it, then swapped back.
 */
export function textTemplateFromHtml(html: string): string {
  const expressions: string[] = [];
  const tokens = new Map<string, string>();
  const protectedHtml = html.replace(EXPRESSION, (expression) => {
    // the same expression gets the same token, so html-to-text sees <a href="X">X</a> as one link
    let token = tokens.get(expression);
    if (!token) {
      expressions.push(expression.startsWith('{{!') ? '' : expression);
      token = `HBX${expressions.length - 1}X`;
      tokens.set(expression, token);
    }
    return token;
  });
  const text = convert(protectedHtml, HTML_TO_TEXT)
    // literal braces in the static text must not turn into expressions
    .replace(/\{\{/g, '\\{{')
    .split('\n')
    .map(markBlocks)
    .join('\n')
    // the spaces next to a marked tag go into the mark itself (BLOCK_MARK_SPACED), so the
    // run-time pass only looks at marks, never at the (frequent) spaces
    .replace(new RegExp(`[ \\t]*${BLOCK_MARK}(HBX\\d+X)${BLOCK_MARK}[ \\t]*`, 'g'), (run: string, token: string) => {
      const [before = '', after = ''] = run.split(token);
      return `${/[ \t]/.test(before) ? BLOCK_MARK_SPACED : BLOCK_MARK}${token}${/[ \t]/.test(after) ? BLOCK_MARK_SPACED : BLOCK_MARK}`;
    })
    .replace(/HBX(\d+)X/g, (_, index: string) => expressions[Number(index)] ?? '');
  return tidyText(text);

  /**
   * html-to-text joins a paragraph's lines, so a block that renders nothing would leave its
   * neighbours' spaces behind; BLOCK_MARK lets the runtime collapse them (see runtime.ts).
   * A line holding only block tags is left alone: Handlebars removes such lines itself.
   */
  function markBlocks(line: string): string {
    const isBlock = (index: string): boolean => /^\{\{~?\s*(?:[#^/]|else\b)/.test(expressions[Number(index)] ?? '');
    const tokens = [...line.matchAll(/HBX(\d+)X/g)];
    const onlyBlocks = line.replace(/HBX\d+X/g, '').trim() === '' && tokens.every((token) => isBlock(token[1] ?? ''));
    if (onlyBlocks) return line;
    // An empty block can only leave a double space where a space sits outside it (before an
    // opening tag, after a closing tag), and a leading or trailing one where the tag is at the
    // start or end of the line with a space inside. {{else}} switches content: both sides count.
    return line.replace(/HBX(\d+)X/g, (token, index: string, offset: number) => {
      if (!isBlock(index)) return token;
      const blankBefore = /[ \t]/.test(line[offset - 1] ?? '');
      const blankAfter = /[ \t]/.test(line[offset + token.length] ?? '');
      const atStart = line.slice(0, offset).trim() === '';
      const atEnd = line.slice(offset + token.length).trim() === '';
      const kind = /^\{\{~?\s*(else\b|[#^/])/.exec(expressions[Number(index)] ?? '')?.[1];
      const needed =
        kind === 'else' ? blankBefore || blankAfter : kind === '/' ? blankAfter || (atEnd && blankBefore) : blankBefore || (atStart && blankAfter);
      return needed ? `${BLOCK_MARK}${token}${BLOCK_MARK}` : token;
    });
  }
}

/** Collapses the blank lines block helpers and layout tables leave behind. */
export function tidyText(text: string): string {
  return `${text
    .split('\n')
    .map((line) => line.replace(/[\s\u200b]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

// ---------------------------------------------------------------------------------------------
// Parsing and checking
// ---------------------------------------------------------------------------------------------

function parse(text: string, origins: Composed['origins'], diagnostics: Diagnostic[]): hbs.AST.Program | undefined {
  try {
    return Handlebars.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? / - (\d+):\d+/.exec(message)?.[1] ?? 1);
    const origin = origins[line - 1] ?? origins[0] ?? { file: '?', line };
    diagnostics.push({ ...origin, message: `broken {{…}}: ${explainParseError(message)}` });
    return undefined;
  }
}

/** Handlebars' parser messages, shortened to what an admin can act on. */
function explainParseError(message: string): string {
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) return `{{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}; open and close the same block`;
  const lines = message.split('\n');
  const near = (lines[1] ?? '').replace(/^\.\.\./, '').replace(/\.\.\.$/, '').trim();
  const got = /got '([^']+)'/.exec(message)?.[1];
  if (got === 'EOF') return `a block is never closed: every {{#if}}, {{#each}}, {{#with}}, {{#unless}} and {{#is}} needs its {{/…}}${near ? ` (near "${near}")` : ''}`;
  return `cannot read the {{…}} near "${near}": check that every {{ has a matching }} and that names contain no spaces or odd characters${got ? ` (found ${got})` : ''}`;
}

/** Every file must parse on its own, so a broken {{ is reported in the file that has it. */
function parseEachFile(set: TemplateSet, diagnostics: Diagnostic[]): Set<string> {
  const broken = new Set<string>();
  const check = (file: SourceFile, text: string, firstLine: number): void => {
    const before = diagnostics.length;
    parse(text, fromText(text, file.file, firstLine).origins, diagnostics);
    if (diagnostics.length > before) broken.add(file.file);
  };
  if (set.layout) check(set.layout, set.layout.text, 1);
  for (const partial of set.partials.values()) check(partial, partial.text, 1);
  for (const template of set.templates) {
    if (template.subject) check(template.mjml, template.subject.value, template.subject.line);
    if (template.preheader) check(template.mjml, template.preheader.value, template.preheader.line);
    check(template.mjml, template.body, template.bodyLine);
    if (template.txt) check(template.txt, template.txt.text, 1);
  }
  return broken;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line ?? ''}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const CSS_BLOCKS = /<mj-style[\s\S]*?<\/mj-style>|<style[\s\S]*?<\/style>/g;

export async function compileTemplateSet(dir: string = DEFAULT_TEMPLATES_DIR, options: CompileOptions = {}): Promise<CompileResult> {
  const set = loadTemplateSet(dir);
  const diagnostics: Diagnostic[] = [...set.diagnostics];
  const broken = parseEachFile(set, diagnostics);
  const templates: TemplateSources[] = [];
  const { settings, layout } = set;

  if (layout) {
    const slots = (layout.text.match(/\{\{>\s*content\s*\}\}/g) ?? []).length;
    if (slots !== 1) diagnostics.push({ file: layout.file, message: `the layout must contain {{> content}} exactly once (found ${slots})` });
  }

  const mjml = await loadMjml();
  const selected = options.only ? set.templates.filter((t) => t.kind === options.only?.kind && t.locale === options.only.locale) : set.templates;
  for (const template of selected) {
    const sources = await compileOne(template, set, mjml, broken, diagnostics);
    if (sources) templates.push(sources);
  }
  return { set, settings, templates, diagnostics: dedupe(diagnostics) };
}

async function compileOne(template: TemplateSource, set: TemplateSet, mjml: MjmlFunction, broken: Set<string>, diagnostics: Diagnostic[]): Promise<TemplateSources | undefined> {
  const { layout, settings } = set;
  if (!layout || !settings || !template.subject || template.subject.value === '') return undefined;
  const schema = emailContextSchemas[template.kind];
  const local: Diagnostic[] = [];
  const file = template.mjml.file;

  const slots = new Map<string, Composed>([
    ['content', fromText(template.body, file, template.bodyLine)],
    ['preheader', template.preheader ? fromText(template.preheader.value, file, template.preheader.line) : fromText('', file, 1)],
    ['brand-attributes', fromText(brandAttributes(settings.brand), `${set.localesFile?.file.replace(/locales\.json$/, 'brand.json') ?? 'brand.json'}`, 1)],
  ]);
  const mjmlSource = compose(fromText(layout.text, layout.file, 1), { locale: template.locale, extension: 'mjml', partials: set.partials, slots, diagnostics: local });
  const subject = fromText(template.subject.value, file, template.subject.line);
  const textSource = template.txt
    ? compose(fromText(template.txt.text, template.txt.file, 1), { locale: template.locale, extension: 'txt', partials: set.partials, slots: new Map(), diagnostics: local })
    : undefined;

  const involved = new Set([...mjmlSource.origins, ...(textSource?.origins ?? [])].map((origin) => origin.file));
  if ([...involved].some((name) => broken.has(name))) {
    diagnostics.push(...local);
    return undefined;
  }

  const analyse = (source: Composed, label: string): void => {
    const program = parse(source.text, source.origins, local);
    if (program) local.push(...analyzeTemplate(program, { kind: template.kind, schema, origins: source.origins, label, ignoreBracesIn: CSS_BLOCKS }));
  };
  analyse(subject, 'subject');
  analyse(mjmlSource, 'html');
  if (textSource) analyse(textSource, 'text');
  if (local.length > 0) {
    diagnostics.push(...local);
    return undefined;
  }

  let html: string;
  try {
    const result = await mjml(mjmlSource.text, { validationLevel: 'strict', keepComments: false, ignoreIncludes: true });
    html = compactHtml(result.html);
    for (const error of result.errors) diagnostics.push(mjmlDiagnostic(error, mjmlSource));
    if (result.errors.length > 0) return undefined;
  } catch (error) {
    const errors = (error as { errors?: MjmlError[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) for (const item of errors) diagnostics.push(mjmlDiagnostic(item, mjmlSource));
    else diagnostics.push({ file, message: `MJML could not be compiled: ${(error as Error).message}` });
    return undefined;
  }

  const text = textSource ? tidyText(textSource.text) : textTemplateFromHtml(html);
  const sources: TemplateSources = {
    kind: template.kind,
    locale: template.locale,
    file,
    subject: template.subject.value,
    html,
    text,
    textFrom: textSource ? 'txt' : 'html',
    mjml: mjmlSource.text,
  };
  for (const [part, source, mode] of [
    ['subject', sources.subject, 'subject'],
    ['HTML', sources.html, 'html'],
    ['text', sources.text, 'text'],
  ] as const) {
    try {
      Handlebars.precompile(source, HANDLEBARS_OPTIONS);
      generateFunction(source, mode);
    } catch (error) {
      diagnostics.push({
        file: part === 'text' && template.txt ? template.txt.file : file,
        message: `the ${part} part does not compile after MJML${part === 'text' ? ' and text conversion (write a .txt next to it)' : ''}: ${(error as Error).message.split('\n')[0] ?? ''}`,
      });
      return undefined;
    }
  }
  return sources;
}

/**
 * MJML's output is indented for reading; the indentation is a third of its size and HTML
 * ignores it. Only whitespace at line starts and blank lines go (no <pre> in email layouts).
 */
export function compactHtml(html: string): string {
  return asciiSafe(html.replace(/\n[ \t]+/g, '\n').replace(/\n{2,}/g, '\n'));
}

/**
 * Characters beyond Latin-1 (“ ” – · …) as HTML character references, outside {{…}} and CSS.
 * The browser shows the same text, and the static HTML stays a one-byte string in V8: half
 * the memory, and half the copying when the mailer reads the rendered email.
 */
function asciiSafe(html: string): string {
  return html.replace(/(\{\{[\s\S]*?\}\}|<style[\s\S]*?<\/style>)|[^\u0000-\u00ff]/gu, (match, kept: string | undefined) =>
    kept ?? `&#${match.codePointAt(0) ?? 0};`,
  );
}

function mjmlDiagnostic(error: MjmlError, source: Composed): Diagnostic {
  const origin = error.line ? source.origins[error.line - 1] : undefined;
  return { file: origin?.file ?? '?', line: origin?.line, message: `invalid MJML${error.tagName ? ` (<${error.tagName}>)` : ''}: ${error.message}` };
}

// ---------------------------------------------------------------------------------------------
// Compiled output
// ---------------------------------------------------------------------------------------------

export type TemplateMode = 'subject' | 'html' | 'text';

/**
 * The body of `createTemplates(rt)`: { kind: { locale: { subject, html, text } } }, each a plain
 * function generated from the template's Handlebars (codegen.ts).
 */
export function generateModuleBody(templates: TemplateSources[]): string {
  const byKind = new Map<string, TemplateSources[]>();
  for (const template of templates) byKind.set(template.kind, [...(byKind.get(template.kind) ?? []), template]);
  const kinds = [...byKind.entries()].map(([kind, list]) => {
    const locales = list.map(
      (t) =>
        `    ${JSON.stringify(t.locale)}: {\n      subject: ${generateFunction(t.subject, 'subject')},\n      html: ${generateFunction(t.html, 'html')},\n      text: ${generateFunction(t.text, 'text')}\n    }`,
    );
    return `  ${JSON.stringify(kind)}: {\n${locales.join(',\n')}\n  }`;
  });
  return hoistSharedLiterals(`{\n${kinds.join(',\n')}\n}`);
}

const LITERAL_LINE = /^o \+= ("(?:[^"\\]|\\.)*");$/gm;

/**
 * The layout's head, header and footer are the same long strings in every template; writing
 * each once (const L0 = "…") and referring to it keeps the Lambda bundle small. Returns an
 * expression: an arrow function's body that declares the shared strings, then the templates.
 */
function hoistSharedLiterals(body: string): string {
  const counts = new Map<string, number>();
  for (const match of body.matchAll(LITERAL_LINE)) {
    const literal = match[1] ?? '';
    if (literal.length >= 80) counts.set(literal, (counts.get(literal) ?? 0) + 1);
  }
  const shared = [...counts.entries()].filter(([, count]) => count > 1).map(([literal]) => literal);
  if (shared.length === 0) return body;
  const names = new Map(shared.map((literal, index) => [literal, `L${index}`]));
  const replaced = body.replace(LITERAL_LINE, (line, literal: string) => {
    const name = names.get(literal);
    return name ? `o += ${name};` : line;
  });
  return `(() => {\n${shared.map((literal, index) => `const L${index} = ${literal};`).join('\n')}\nreturn ${replaced};\n})()`;
}

/** Evaluates the generated functions in-process (preview, check): the same code the Lambdas run. */
export function evaluateTemplates(templates: TemplateSources[]): CompiledTemplateSet {
  const body = generateModuleBody(templates);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- dev tool: evaluating our own compiler output
  const factory = new Function('rt', `"use strict";\nreturn ${body};`) as (rt: TemplateRuntimeHelpers) => CompiledTemplateSet;
  return factory(templateRuntime);
}

// ---------------------------------------------------------------------------------------------
// The Handlebars reference: what Handlebars itself renders from the same sources. Tests compare
// the compiled functions against it; it is not used at run time.
// ---------------------------------------------------------------------------------------------

/**
 * Handlebars' precompiled JavaScript for one part, with HTML escaping wired to the project's
 * escapeExpression (Handlebars' rules plus { and }).
 */
export function precompilePart(source: string, mode: TemplateMode): string {
  // precompile returns JavaScript source text (its type declaration says otherwise)
  const spec = String(Handlebars.precompile(source, { ...HANDLEBARS_OPTIONS, noEscape: mode !== 'html' }));
  const wired = spec.replace(/container\.escapeExpression/g, 'escapeExpression');
  if (mode !== 'html' && wired.includes('escapeExpression')) throw new Error('unexpected escaping in a text part');
  return wired;
}

/** Each template rendered by Handlebars' runtime with the same helpers: the reference for tests. */
export function handlebarsReference(templates: TemplateSources[]): CompiledTemplateSet {
  const html = handlebarsEnvironment('html');
  const text = handlebarsEnvironment('text');
  const spec = (source: string, mode: TemplateMode): TemplateSpecification =>
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- test reference: our own precompiler output
    (new Function('escapeExpression', `return ${precompilePart(source, mode)};`) as (escape: (value: unknown) => string) => TemplateSpecification)(escapeExpression);
  const out: Record<string, Record<string, TemplateFunctions>> = {};
  for (const t of templates) {
    const subject = text.template(spec(t.subject, 'subject'));
    const body = html.template(spec(t.html, 'html'));
    const plain = text.template(spec(t.text, 'text'));
    (out[t.kind] ??= {})[t.locale] = {
      subject: (context, data) => subject(context, { data }),
      html: (context, data) => body(context, { data }),
      text: (context, data) => plain(context, { data }),
    };
  }
  return out;
}

export { DEFAULT_TEMPLATES_DIR };
