/**
 * Build-time only: checks a template's Handlebars expressions against its kind's zod schema.
 *
 * Reports, with the file and line the expression came from:
 * - variables the schema does not have (with a "did you mean"),
 * - printing a group ({{complaint}}) or a list instead of a value,
 * - optional values used outside an {{#if}} that guards them (they would leave half a sentence),
 * - {{{triple-stash}}} / {{& x}} (unescaped output is not allowed anywhere),
 * - unknown helpers, wrong helper arguments, sub-expressions and hash arguments,
 * - stray "{" or "}" in text, which is almost always a typo for {{name}} that would leak.
 */
import { globalRegistry, type $ZodType } from 'zod/v4/core';
import { BUILTIN_BLOCKS, DATE_STYLES, HELPER_NAMES, NUMBER_STYLES } from '#templates/helpers';
import type { Diagnostic, Origin } from '#templates/source';

type Schema = $ZodType;

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: Schema;
}

function defOf(schema: Schema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Strips optional/nullable/default wrappers; says whether any of them made the value optional. */
export function unwrap(schema: Schema): { schema: Schema; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable') optional = true;
    if (WRAPPERS.has(def.type) && def.innerType) {
      current = def.innerType;
      continue;
    }
    if (def.type === 'pipe' && def.in) {
      current = def.in;
      continue;
    }
    return { schema: current, optional };
  }
}

type ValueKind = 'string' | 'number' | 'boolean' | 'enum' | 'object' | 'array' | 'other';

function valueKind(schema: Schema): ValueKind {
  const type = defOf(schema).type;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'object' || type === 'array') return type;
  if (type === 'enum' || type === 'literal') return 'enum';
  if (type === 'int' || type === 'bigint') return 'number';
  return 'other';
}

function enumValues(schema: Schema): unknown[] | undefined {
  const def = defOf(schema);
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  if (def.type === 'literal' && def.values) return def.values;
  return undefined;
}

/** Every variable path a schema offers, lists shown as "name[]" (for messages and `templates vars`). */
export function variablePaths(schema: Schema, prefix = ''): Array<{ path: string; type: string; optional: boolean }> {
  const { schema: inner, optional } = unwrap(schema);
  const def = defOf(inner);
  const kind = valueKind(inner);
  if (kind === 'object' && def.shape) {
    const out: Array<{ path: string; type: string; optional: boolean }> = [];
    for (const [key, child] of Object.entries(def.shape)) {
      const childPaths = variablePaths(child, prefix ? `${prefix}.${key}` : key);
      out.push(...childPaths.map((entry) => (optional && prefix ? { ...entry, optional: true } : entry)));
    }
    return out;
  }
  if (kind === 'array' && def.element) {
    const element = unwrap(def.element).schema;
    const described = valueKind(element) === 'object' ? 'list' : `list of ${describe(element)}`;
    return [{ path: `${prefix}`, type: described, optional }, ...variablePaths(def.element, `${prefix}[]`).filter((entry) => entry.path !== `${prefix}[]`)];
  }
  return [{ path: prefix, type: describe(inner), optional }];
}

/** In an admin's words: "text", "number", "yes/no", "one of …", or the schema's description. */
function describe(schema: Schema): string {
  const description = globalRegistry.get(schema)?.description;
  if (typeof description === 'string') return description;
  const values = enumValues(schema);
  if (values) return `one of ${values.map((v) => JSON.stringify(v)).join(' | ')}`;
  const kind = valueKind(schema);
  return kind === 'string' ? 'text' : kind === 'boolean' ? 'yes/no' : kind === 'other' ? 'value' : kind;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

function suggest(wanted: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(wanted.toLowerCase(), candidate.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

interface Scope {
  schema: Schema;
  /** Absolute path of this scope ("" for the root, "report.agents[]" inside an each). */
  path: string;
  parent?: Scope | undefined;
  inEach: boolean;
}

interface Resolved {
  schema: Schema;
  path: string;
  /** The first optional value on the way that no {{#if}} guards. */
  unguarded?: string | undefined;
  data?: boolean;
}

export interface AnalyzeOptions {
  kind: string;
  schema: Schema;
  /** Where each line of the analysed text came from. */
  origins: Origin[];
  /** The subject is a single line of text: no block helpers that span lines there. */
  label?: string;
  /** Skip "{" / "}" in text inside these elements (CSS). */
  ignoreBracesIn?: RegExp;
}

const DATA_VARIABLES: Record<string, 'string' | 'number' | 'boolean'> = {
  locale: 'string',
  intl: 'string',
  timeZone: 'string',
};
const EACH_VARIABLES: Record<string, 'string' | 'number' | 'boolean'> = { index: 'number', first: 'boolean', last: 'boolean', key: 'string' };

export function analyzeTemplate(program: hbs.AST.Program, options: AnalyzeOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const root: Scope = { schema: options.schema, path: '', inEach: false };
  const all = variablePaths(options.schema).map((entry) => entry.path);

  const at = (node: hbs.AST.Node, lineOffset = 0): Origin => {
    const line = (node.loc?.start.line ?? 1) + lineOffset;
    return options.origins[line - 1] ?? options.origins[options.origins.length - 1] ?? { file: '?', line };
  };
  const report = (node: hbs.AST.Node, message: string, lineOffset = 0): void => {
    diagnostics.push({ ...at(node, lineOffset), message });
  };
  const varsHint = `run \`npx complaints templates vars ${options.kind}\` to list them`;

  function resolve(path: hbs.AST.PathExpression, scope: Scope, guards: ReadonlySet<string>): Resolved | undefined {
    let parts = [...path.parts];
    let current: Scope = scope;
    if (path.data) {
      const head = parts[0] ?? '';
      if (head === 'root') {
        current = root;
        parts = parts.slice(1);
      } else if (head in EACH_VARIABLES) {
        if (!scope.inEach) {
          report(path, `@${head} only exists inside {{#each}}`);
          return undefined;
        }
        return { schema: root.schema, path: `@${head}`, data: true };
      } else if (head in DATA_VARIABLES) {
        return { schema: root.schema, path: `@${head}`, data: true };
      } else {
        report(path, `unknown variable "@${head}" (available: @root, @index, @first, @last, ${Object.keys(DATA_VARIABLES).map((k) => `@${k}`).join(', ')})`);
        return undefined;
      }
    }
    for (let depth = path.depth; depth > 0; depth--) {
      if (!current.parent) {
        report(path, `"${path.original}" climbs above the top of the template`);
        return undefined;
      }
      current = current.parent;
    }
    let schema = current.schema;
    let absolute = current.path;
    let unguarded: string | undefined;
    for (const [index, part] of parts.entries()) {
      const unwrapped = unwrap(schema);
      if (unwrapped.optional && absolute && !guards.has(absolute) && !unguarded) unguarded = absolute;
      const def = defOf(unwrapped.schema);
      const kind = valueKind(unwrapped.schema);
      const next = kind === 'object' ? def.shape?.[part] : undefined;
      const nextPath = absolute ? `${absolute}.${part}` : part;
      if (!next) {
        if (kind === 'array') {
          report(path, `"${absolute}" is a list: use {{#each ${absolute}}} … {{/each}} and the fields inside it`);
          return undefined;
        }
        if (kind !== 'object') {
          report(path, `"${absolute}" is a single value; it has no "${part}"`);
          return undefined;
        }
        const wanted = [absolute, ...parts.slice(index)].filter(Boolean).join('.');
        const guess = suggest(wanted, all) ?? suggest(wanted.replace(/^[\w.]+\[\]\./, ''), all);
        report(path, `unknown variable "${path.original}"${guess ? ` — did you mean "${guess}"?` : ''} The ${options.kind} template cannot use it; ${varsHint}.`);
        return undefined;
      }
      schema = next;
      absolute = nextPath;
    }
    const last = unwrap(schema);
    if (last.optional && absolute && !guards.has(absolute) && !unguarded) unguarded = absolute;
    return { schema: last.schema, path: absolute, unguarded };
  }

  function requireGuard(node: hbs.AST.Node, resolved: Resolved): void {
    if (resolved.unguarded) {
      report(node, `"${resolved.unguarded}" may be missing; wrap this in {{#if ${resolved.unguarded}}} … {{/if}} so the sentence still reads well without it`);
    }
  }

  function checkPrinted(node: hbs.AST.Node, expression: hbs.AST.Expression, scope: Scope, guards: ReadonlySet<string>): void {
    if (expression.type !== 'PathExpression') return;
    const resolved = resolve(expression as hbs.AST.PathExpression, scope, guards);
    if (!resolved || resolved.data) return;
    const kind = valueKind(resolved.schema);
    if (kind === 'object' || kind === 'array') {
      const name = resolved.path || 'this';
      const fields = variablePaths(resolved.schema, resolved.path).slice(0, 6).map((entry) => entry.path);
      report(node, `"${name}" is a ${kind === 'array' ? 'list' : 'group of values'}, not text; use one of: ${fields.join(', ')}`);
      return;
    }
    requireGuard(node, resolved);
  }

  /** Checks a helper argument; expected is the value kind the helper needs. */
  function checkArgument(node: hbs.AST.Node, expression: hbs.AST.Expression, expected: 'string' | 'number', helper: string, scope: Scope, guards: ReadonlySet<string>): void {
    if (expression.type === 'StringLiteral' || expression.type === 'NumberLiteral') return;
    if (expression.type !== 'PathExpression') {
      report(node, `${helper}: expected a variable, found ${expression.type}`);
      return;
    }
    const resolved = resolve(expression as hbs.AST.PathExpression, scope, guards);
    if (!resolved || resolved.data) return;
    const kind = valueKind(resolved.schema);
    if (kind !== expected && !(expected === 'string' && kind === 'enum')) {
      report(node, `${helper} needs ${expected === 'number' ? 'a number' : 'a text value'}, but "${resolved.path}" is ${describe(resolved.schema)}`);
      return;
    }
    requireGuard(node, resolved);
  }

  function checkStyle(node: hbs.AST.Node, expression: hbs.AST.Expression | undefined, allowed: readonly string[], helper: string): void {
    if (!expression) return;
    if (expression.type !== 'StringLiteral' || !allowed.includes((expression as hbs.AST.StringLiteral).value)) {
      const shown = expression.type === 'StringLiteral' ? `"${(expression as hbs.AST.StringLiteral).value}"` : (expression as { original?: unknown }).original;
      report(node, `${helper}: the style must be one of ${allowed.map((s) => `"${s}"`).join(', ')}, not ${String(shown)}`);
    }
  }

  function checkNoHashOrSubexpressions(node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement, name: string): boolean {
    if (node.hash && node.hash.pairs.length > 0) {
      report(node, `${name}: name=value arguments are not supported`);
      return false;
    }
    if (node.params.some((param: hbs.AST.Expression) => param.type === 'SubExpression')) {
      report(node, `${name}: (nested helper calls) are not supported; keep one helper per {{…}}`);
      return false;
    }
    return true;
  }

  function mustache(node: hbs.AST.MustacheStatement, scope: Scope, guards: ReadonlySet<string>): void {
    if (!node.escaped) {
      report(node, `{{{…}}} and {{& …}} print without HTML escaping and are not allowed; use {{…}}`);
      return;
    }
    if (node.path.type !== 'PathExpression') {
      report(node, `{{${String((node.path as { original?: unknown }).original)}}} prints a fixed value; write the text directly`);
      return;
    }
    const path = node.path as hbs.AST.PathExpression;
    const name = path.original;
    const isHelperCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (!isHelperCall && !(HELPER_NAMES as readonly string[]).includes(name)) {
      checkPrinted(node, path, scope, guards);
      return;
    }
    if (!checkNoHashOrSubexpressions(node, name)) return;
    const [first, second, ...rest] = node.params;
    switch (name) {
      case 'formatDate':
      case 'formatNumber':
        if (!first || rest.length > 0) {
          report(node, `${name} takes a value and an optional style: {{${name} value${name === 'formatDate' ? ' "date"' : ' "decimal"'}}}`);
          return;
        }
        checkArgument(node, first, name === 'formatDate' ? 'string' : 'number', name, scope, guards);
        checkStyle(node, second, name === 'formatDate' ? DATE_STYLES : NUMBER_STYLES, name);
        return;
      case 'formatDuration':
      case 'paragraphs':
        if (!first || second) {
          report(node, `${name} takes exactly one value: {{${name} value}}`);
          return;
        }
        checkArgument(node, first, 'string', name, scope, guards);
        return;
      case 'is':
        report(node, `"is" compares values in a block: {{#is value "choice"}} … {{/is}}`);
        return;
      default:
        report(node, `unknown helper "${name}" (helpers: ${HELPER_NAMES.join(', ')})`);
    }
  }

  function block(node: hbs.AST.BlockStatement, scope: Scope, guards: ReadonlySet<string>): void {
    const name = node.path.original;
    if (!checkNoHashOrSubexpressions(node, name)) return;
    const [first, second, ...rest] = node.params;
    const param = first?.type === 'PathExpression' ? (first as hbs.AST.PathExpression) : undefined;
    const known = (BUILTIN_BLOCKS as readonly string[]).includes(name) || name === 'is';
    if (!known) {
      report(node, `unknown block "{{#${name}}}" (blocks: ${[...BUILTIN_BLOCKS, 'is'].map((b) => `#${b}`).join(', ')})`);
      return;
    }
    if (!param || (name !== 'is' && second) || (name === 'is' && (!second || rest.length > 0))) {
      report(node, name === 'is' ? `{{#is value "choice"}} needs a variable and one quoted choice` : `{{#${name}}} needs exactly one variable: {{#${name} some.value}}`);
      return;
    }
    const resolved = resolve(param, scope, guards);
    if (!resolved) {
      walk(node.program, scope, guards);
      if (node.inverse) walk(node.inverse, scope, guards);
      return;
    }
    const withGuard = (path: string): Set<string> => new Set([...guards, path]);
    switch (name) {
      case 'if':
        walk(node.program, scope, withGuard(resolved.path));
        if (node.inverse) walk(node.inverse, scope, guards);
        return;
      case 'unless':
        walk(node.program, scope, guards);
        if (node.inverse) walk(node.inverse, scope, withGuard(resolved.path));
        return;
      case 'each': {
        const def = defOf(resolved.schema);
        if (valueKind(resolved.schema) !== 'array' || !def.element) {
          report(node, `{{#each ${param.original}}} needs a list, but "${resolved.path}" is ${describe(resolved.schema)}`);
          return;
        }
        const inner: Scope = { schema: def.element, path: `${resolved.path}[]`, parent: scope, inEach: true };
        walk(node.program, inner, withGuard(inner.path));
        if (node.inverse) walk(node.inverse, scope, guards);
        return;
      }
      case 'with': {
        if (valueKind(resolved.schema) !== 'object') {
          report(node, `{{#with ${param.original}}} needs a group of values, but "${resolved.path}" is ${describe(resolved.schema)}`);
          return;
        }
        const inner: Scope = { schema: resolved.schema, path: resolved.path, parent: scope, inEach: scope.inEach };
        walk(node.program, inner, withGuard(resolved.path));
        if (node.inverse) walk(node.inverse, scope, guards);
        return;
      }
      case 'is': {
        const choice = second;
        const kind = valueKind(resolved.schema);
        if (kind === 'object' || kind === 'array') {
          report(node, `{{#is}} compares a single value, but "${resolved.path}" is a ${kind === 'array' ? 'list' : 'group of values'}`);
        } else if (choice?.type !== 'StringLiteral' && choice?.type !== 'NumberLiteral' && choice?.type !== 'BooleanLiteral') {
          report(node, `{{#is ${param.original} …}}: the choice must be written in quotes, e.g. "urgent"`);
        } else {
          const allowed = enumValues(resolved.schema);
          const value = (choice as hbs.AST.StringLiteral).value;
          if (allowed && !allowed.includes(value)) {
            report(node, `{{#is ${param.original} ${JSON.stringify(value)}}}: "${resolved.path}" is never ${JSON.stringify(value)} (it is one of ${allowed.map((v) => JSON.stringify(v)).join(', ')})`);
          }
        }
        walk(node.program, scope, withGuard(resolved.path));
        if (node.inverse) walk(node.inverse, scope, guards);
        return;
      }
    }
  }

  function content(node: hbs.AST.ContentStatement): void {
    const original = (node as { original?: unknown }).original;
    const text = typeof original === 'string' ? original : node.value;
    const cleaned = options.ignoreBracesIn ? text.replace(options.ignoreBracesIn, (match: string) => match.replace(/[{}]/g, ' ')) : text;
    const index = cleaned.search(/[{}]/);
    if (index < 0) return;
    const lineOffset = cleaned.slice(0, index).split('\n').length - 1;
    const snippet = cleaned.slice(Math.max(0, index - 12), index + 16).replace(/\s+/g, ' ').trim();
    report(node, `stray "${cleaned[index] ?? ''}" near "${snippet}": variables are written {{name}}; a lone brace would reach the customer as is`, lineOffset);
  }

  function walk(program: hbs.AST.Program, scope: Scope, guards: ReadonlySet<string>): void {
    for (const statement of program.body) {
      switch (statement.type) {
        case 'MustacheStatement':
          mustache(statement as hbs.AST.MustacheStatement, scope, guards);
          break;
        case 'BlockStatement':
          block(statement as hbs.AST.BlockStatement, scope, guards);
          break;
        case 'ContentStatement':
          content(statement as hbs.AST.ContentStatement);
          break;
        case 'CommentStatement':
          break;
        case 'PartialStatement':
        case 'PartialBlockStatement':
          report(statement, `partial {{> …}} could not be filled in here`);
          break;
        default:
          report(statement, `${statement.type} is not supported in templates`);
      }
    }
  }

  walk(program, root, new Set());
  return diagnostics;
}
