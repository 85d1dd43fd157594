/**
 * Build-time only: compiles a template's Handlebars source into a plain JavaScript function.
 *
 * Why not Handlebars' own precompiled output: every call of a Handlebars template sets up
 * helper wrappers, data frames and prototype-access checks (about 1 µs before any output),
 * and one email renders three templates. The templates use a small, checked subset of
 * Handlebars (paths, five helpers, #if/#unless/#each/#with/#is; analyze.ts rejects the rest),
 * which compiles to straight string concatenation with direct property reads.
 *
 * Semantics follow Handlebars 4 exactly (truthiness of #if, #each data, ../ depth, escaping):
 * a test renders every shipped template both ways and compares the output.
 *
 * Generated function: (c0, d) => string, where c0 is the validated context, d the helper data
 * ({ locale, intl, timeZone, durationUnits }), and the runtime helpers are in scope as `rt`.
 */
import Handlebars from 'handlebars';

export type CodegenMode = 'subject' | 'html' | 'text';

interface LoopFrame {
  index: string;
  last: string;
  key: string;
}

interface Scope {
  /** JS variable names of the contexts, innermost last ("../" walks back). */
  contexts: string[];
  loops: LoopFrame[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const DATA_VARIABLES = new Set(['locale', 'intl', 'timeZone']);

export class CodegenError extends Error {
  constructor(message: string, node: hbs.AST.Node) {
    super(`${message} (line ${node.loc?.start.line ?? '?'})`);
    this.name = 'CodegenError';
  }
}

export function generateFunction(source: string, mode: CodegenMode): string {
  const program = Handlebars.parse(source);
  let counter = 0;
  const next = (): number => ++counter;
  const html = mode === 'html';
  /** The text part writes through rt.put (spacing and blank lines kept tidy); html and subject concatenate. */
  const tidy = mode === 'text';
  const lines: string[] = [];
  const append = (code: string): string => (tidy ? `rt.put(s, ${code}, 0, 0);` : `o += ${code};`);
  const emit = (line: string): void => {
    lines.push(line);
  };

  function member(base: string, part: string): string {
    return IDENTIFIER.test(part) ? `${base}.${part}` : `${base}[${JSON.stringify(part)}]`;
  }

  /**
   * Null-safe property chain, like Handlebars' lookups: a missing link yields it (null/undefined).
   * The root context c0 is the validated context object, so its first step needs no check.
   */
  function chain(base: string, parts: string[]): string {
    let expression = base;
    parts.forEach((part, index) => {
      expression = index === 0 && base === 'c0' ? member('c0', part) : `((t = ${expression}) == null ? t : ${member('t', part)})`;
    });
    return expression;
  }

  function pathCode(path: hbs.AST.PathExpression, scope: Scope): string {
    const parts = [...path.parts];
    if (path.data) {
      const head = parts.shift() ?? '';
      if (head === 'root') return chain('c0', parts);
      const loop = scope.loops[scope.loops.length - 1];
      if (head === 'index' || head === 'first' || head === 'last' || head === 'key') {
        if (!loop) throw new CodegenError(`@${head} outside {{#each}}`, path);
        const value = head === 'index' ? loop.index : head === 'first' ? `(${loop.index} === 0)` : head === 'last' ? loop.last : loop.key;
        return chain(value, parts);
      }
      if (DATA_VARIABLES.has(head)) return chain(member('d', head), parts);
      throw new CodegenError(`unknown data variable @${head}`, path);
    }
    const base = scope.contexts[scope.contexts.length - 1 - path.depth];
    if (!base) throw new CodegenError(`"${path.original}" climbs above the template`, path);
    return chain(base, parts);
  }

  function valueCode(expression: hbs.AST.Expression, scope: Scope): string {
    switch (expression.type) {
      case 'PathExpression':
        return pathCode(expression as hbs.AST.PathExpression, scope);
      case 'StringLiteral':
        return JSON.stringify((expression as hbs.AST.StringLiteral).value);
      case 'NumberLiteral':
        return String((expression as hbs.AST.NumberLiteral).value);
      case 'BooleanLiteral':
        return String((expression as hbs.AST.BooleanLiteral).value);
      case 'UndefinedLiteral':
        return 'undefined';
      case 'NullLiteral':
        return 'null';
      default:
        throw new CodegenError(`${expression.type} is not supported`, expression);
    }
  }

  function mustache(node: hbs.AST.MustacheStatement, scope: Scope): void {
    if (node.path.type !== 'PathExpression') throw new CodegenError('literal mustache', node);
    if (!node.escaped && html) throw new CodegenError('unescaped output', node);
    const path = node.path as hbs.AST.PathExpression;
    const args = node.params.map((param) => valueCode(param, scope));
    const plain = node.params.length === 0 && !['formatDate', 'formatDuration', 'formatNumber', 'paragraphs'].includes(path.original);
    if (plain) {
      emit(append(`${html ? 'rt.esc' : 'rt.str'}(${pathCode(path, scope)})`));
      return;
    }
    const [first = 'undefined', second = 'undefined'] = args;
    const escaped = (code: string): string => (html ? `rt.esc(${code})` : code);
    switch (path.original) {
      case 'formatDate':
        emit(append(escaped(`rt.formatDate(${first}, ${second}, d)`)));
        return;
      case 'formatNumber':
        emit(append(escaped(`rt.formatNumber(${first}, ${second}, d)`)));
        return;
      case 'formatDuration':
        emit(append(escaped(`rt.formatDuration(${first}, d)`)));
        return;
      case 'paragraphs':
        emit(append(`${html ? 'rt.paragraphsHtml' : 'rt.paragraphsText'}(${first})`));
        return;
      default:
        throw new CodegenError(`unknown helper ${path.original}`, node);
    }
  }

  function block(node: hbs.AST.BlockStatement, scope: Scope): void {
    const name = node.path.original;
    const [param, second] = node.params;
    if (!param) throw new CodegenError(`{{#${name}}} without a value`, node);
    const value = valueCode(param, scope);
    const inverse = (): void => {
      if (node.inverse) {
        emit('} else {');
        walk(node.inverse, scope);
      }
    };
    switch (name) {
      case 'if':
      case 'unless':
        emit(`if (${name === 'unless' ? '!' : ''}rt.truthy(${value})) {`);
        walk(node.program, scope);
        inverse();
        emit('}');
        return;
      case 'is':
        if (!second) throw new CodegenError('{{#is}} needs a choice', node);
        emit(`if (${value} === ${valueCode(second, scope)}) {`);
        walk(node.program, scope);
        inverse();
        emit('}');
        return;
      case 'with': {
        const n = next();
        emit(`{ const c${n} = ${value};`);
        emit(`if (rt.present(c${n})) {`);
        walk(node.program, { contexts: [...scope.contexts, `c${n}`], loops: scope.loops });
        inverse();
        emit('} }');
        return;
      }
      case 'each': {
        // Handlebars' each: arrays by index (holes skipped), other objects by key; none -> {{else}}
        const n = next();
        const loop: LoopFrame = { index: `i${n}`, last: `(i${n} === n${n} - 1)`, key: `k${n}` };
        const inner: Scope = { contexts: [...scope.contexts, `c${n}`], loops: [...scope.loops, loop] };
        emit(`{ const a${n} = ${value}; let r${n} = 0;`);
        emit(`if (a${n} != null && typeof a${n} === 'object') {`);
        emit(`const ks${n} = Array.isArray(a${n}) ? null : Object.keys(a${n}); const n${n} = ks${n} ? ks${n}.length : a${n}.length;`);
        emit(`for (let i${n} = 0; i${n} < n${n}; i${n}++) {`);
        emit(`const k${n} = ks${n} ? ks${n}[i${n}] : i${n}; if (!ks${n} && !(i${n} in a${n})) continue; r${n}++; const c${n} = a${n}[k${n}];`);
        walk(node.program, inner);
        emit('} }');
        if (node.inverse) {
          emit(`if (r${n} === 0) {`);
          walk(node.inverse, scope);
          emit('}');
        }
        emit('}');
        return;
      }
      default:
        throw new CodegenError(`unknown block {{#${name}}}`, node);
    }
  }

  function walk(body: hbs.AST.Program, scope: Scope): void {
    for (const statement of body.body) {
      switch (statement.type) {
        case 'ContentStatement': {
          const value = (statement as hbs.AST.ContentStatement).value;
          if (!tidy) {
            if (value) emit(`o += ${JSON.stringify(value)};`);
            break;
          }
          // block-tag marks (see BLOCK_MARK in runtime.ts) sit at the ends of a literal
          const lead = /^[\u0001\u0002]*/.exec(value)?.[0] ?? '';
          const rest = value.slice(lead.length);
          const trail = /[\u0001\u0002]*$/.exec(rest)?.[0] ?? '';
          const body = rest.slice(0, rest.length - trail.length);
          if (/[\u0001\u0002]/.test(body)) throw new CodegenError('block mark inside text', statement);
          const spaced = (marks: string): number => (marks.includes('\u0002') ? 1 : 0);
          if (body || spaced(lead) || spaced(trail)) emit(`rt.put(s, ${JSON.stringify(body)}, ${spaced(lead)}, ${spaced(trail)});`);
          break;
        }
        case 'MustacheStatement':
          mustache(statement as hbs.AST.MustacheStatement, scope);
          break;
        case 'BlockStatement':
          block(statement as hbs.AST.BlockStatement, scope);
          break;
        case 'CommentStatement':
          break;
        default:
          throw new CodegenError(`${statement.type} is not supported`, statement);
      }
    }
  }

  walk(program, { contexts: ['c0'], loops: [] });
  // adjacent literals are merged so the output is a few long concatenations
  const merged: string[] = [];
  for (const line of lines) {
    const previous = merged[merged.length - 1];
    const literal = /^o \+= ("(?:[^"\\]|\\.)*");$/.exec(line);
    const previousLiteral = previous ? /^o \+= ("(?:[^"\\]|\\.)*");$/.exec(previous) : null;
    if (literal?.[1] && previousLiteral?.[1]) {
      merged[merged.length - 1] = `o += ${JSON.stringify((JSON.parse(previousLiteral[1]) as string) + (JSON.parse(literal[1]) as string))};`;
    } else merged.push(line);
  }
  if (tidy) return `function (c0, d) {\nlet t; const s = rt.textOutput();\n${lines.join('\n')}\nreturn s.o;\n}`;
  return `function (c0, d) {\nlet o = "", t;\n${merged.join('\n')}\nreturn o;\n}`;
}
