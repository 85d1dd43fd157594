import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { templatesCommand } from '../../../functions/cli/templates-command.ts';
import { checkTemplates } from '#templates/check';
import { DEFAULT_TEMPLATES_DIR, formatDiagnostic } from '#templates/source';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped templates in <tmp>/templates, so messages read "templates/…" as in the repo. */
function copyTemplates(): string {
  const root = mkdtempSync(join(tmpdir(), 'templates-check-'));
  made.push(root);
  const dir = join(root, 'templates');
  cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
  return dir;
}

/** Replaces `from` (which must occur) in a template file; returns the 1-based line it is on. */
function edit(dir: string, file: string, from: string, to: string): number {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`"${from}" not in ${file}`);
  writeFileSync(path, text.slice(0, at) + to + text.slice(at + from.length));
  return text.slice(0, at).split('\n').length;
}

async function problems(dir: string): Promise<string[]> {
  const result = await checkTemplates(dir);
  return result.diagnostics.map(formatDiagnostic);
}

function capture(): { io: { out: (line: string) => void; err: (line: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => out.push(line), err: (line) => err.push(line) }, out, err };
}

describe('templates check', () => {
  it('passes on the shipped templates', async () => {
    const result = await checkTemplates();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.templates).toBe(36);
  });

  it('fails naming file:line when a template uses a variable its schema lacks', async () => {
    const dir = copyTemplates();
    const line = edit(dir, 'acknowledgement/da.mjml', '{{formatDuration sla.firstResponseWithin}}', '{{formatDuration sla.firstResponseWithn}}');
    const found = await problems(dir);
    expect(found).toEqual([
      `templates/acknowledgement/da.mjml:${line}: unknown variable "sla.firstResponseWithn" — did you mean "sla.firstResponseWithin"? The acknowledgement template cannot use it; run \`npx complaints templates vars acknowledgement\` to list them.`,
    ]);
  });

  it('fails naming the locale line when a locale lacks a template', async () => {
    const dir = copyTemplates();
    unlinkSync(join(dir, 'follow-up', 'et.mjml'));
    const localesLine = readFileSync(join(dir, 'locales.json'), 'utf8').split('\n').findIndex((text) => text.includes('"code": "et"')) + 1;
    expect(await problems(dir)).toEqual([`templates/locales.json:${localesLine}: locale "et" has no follow-up template: create templates/follow-up/et.mjml`]);
  });

  it('fails naming file:line when MJML validation fails', async () => {
    const dir = copyTemplates();
    const line = edit(dir, 'agent-reply/nb.mjml', '<mj-text>{{paragraphs reply.body}}</mj-text>', '<mj-text>{{paragraphs reply.body}}</mj-text>\n<mj-image src="https://example.com/x.png" width="wide" />');
    expect(await problems(dir)).toEqual([
      `templates/agent-reply/nb.mjml:${line + 1}: invalid MJML (<mj-image>): Attribute width has invalid value: wide for type Unit, only accepts (px) units and 1 value(s)`,
    ]);
  });

  it('reports an unknown MJML element in a partial at the partial’s line', async () => {
    const dir = copyTemplates();
    edit(dir, '_partials/signature.et.mjml', '<mj-text>', '<mj-txt>');
    edit(dir, '_partials/signature.et.mjml', '</mj-text>', '</mj-txt>');
    const found = await problems(dir);
    expect(found[0]).toBe('templates/_partials/signature.et.mjml:1: invalid MJML (<mj-txt>): Element mj-txt doesn\'t exist or is not registered');
    expect(found.every((problem) => problem.startsWith('templates/_partials/signature.et.mjml:'))).toBe(true);
  });

  it('fails naming file:line when Handlebars does not parse', async () => {
    const dir = copyTemplates();
    const line = edit(dir, 'follow-up/da.mjml', '{{#if progress.overdue}}', '{{#if progress.overdue}');
    const found = await problems(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^templates/follow-up/da\\.mjml:${line}: broken \\{\\{…\\}\\}: cannot read the \\{\\{…\\}\\} near ".*#if progress\\.overdue\\}`));
  });

  it('fails when a block is closed by the wrong tag', async () => {
    const dir = copyTemplates();
    const line = edit(dir, 'thank-you/nb.mjml', '{{#if feedback.score}}</mj-raw>', '{{#if feedback.score}}{{/each}}</mj-raw>');
    expect(await problems(dir)).toEqual([`templates/thank-you/nb.mjml:${line}: broken {{…}}: {{#if}} is closed by {{/each}}; open and close the same block`]);
  });

  it('fails when a subject is missing', async () => {
    const dir = copyTemplates();
    edit(dir, 'thank-you/et.mjml', 'subject: Aitäh tagasiside eest\n', '');
    expect(await problems(dir)).toEqual(['templates/thank-you/et.mjml:1: missing subject: add a line "subject: ..." to the "---" block']);
  });

  it('refuses triple-stash, unguarded optional values, stray braces, unknown helpers and partials', async () => {
    const dir = copyTemplates();
    const triple = edit(dir, 'agent-reply/en.mjml', '{{agent.name}}<br />', '{{{agent.name}}}<br />');
    const optional = edit(dir, 'agent-reply/da.mjml', '{{#if agent.title}}{{agent.title}}, {{/if}}', '{{agent.title}}, ');
    const brace = edit(dir, 'thank-you/en.mjml', 'Thank you for taking the time', 'Thank you {customer.name} for taking the time');
    const helper = edit(dir, 'report/en.mjml', '{{formatNumber totals.open}}', '{{formatMoney totals.open}}');
    const style = edit(dir, 'report/da.mjml', '{{formatNumber sla.resolutionMet "percent"}}', '{{formatNumber sla.resolutionMet "procent"}}');
    const choice = edit(dir, 'escalation/nb.mjml', '{{#is complaint.severity "high"}}', '{{#is complaint.severity "hihg"}}');
    const partial = edit(dir, 'feedback-request/et.mjml', '{{> signature}}', '{{> signatur}}');
    const found = await problems(dir);
    expect(found).toEqual(
      expect.arrayContaining([
        `templates/agent-reply/en.mjml:${triple}: {{{…}}} and {{& …}} print without HTML escaping and are not allowed; use {{…}}`,
        `templates/agent-reply/da.mjml:${optional}: "agent.title" may be missing; wrap this in {{#if agent.title}} … {{/if}} so the sentence still reads well without it`,
        `templates/thank-you/en.mjml:${brace}: stray "{" near "Thank you {customer.name}": variables are written {{name}}; a lone brace would reach the customer as is`,
        `templates/report/en.mjml:${helper}: unknown helper "formatMoney" (helpers: formatDate, formatDuration, formatNumber, paragraphs, is)`,
        `templates/report/da.mjml:${style}: formatNumber: the style must be one of "decimal", "integer", "percent", not "procent"`,
        `templates/escalation/nb.mjml:${choice}: {{#is complaint.severity "hihg"}}: "complaint.severity" is never "hihg" (it is one of "normal", "high", "urgent")`,
        `templates/feedback-request/et.mjml:${partial}: unknown partial "signatur" for locale et (mjml partials: footer, greeting, header, reference, signature)`,
      ]),
    );
    expect(found).toHaveLength(7);
  });
});

describe('npx complaints templates check (in-process)', () => {
  it('exits 0 with a short summary on the shipped templates', async () => {
    const { io, out, err } = capture();
    const before = process.exitCode;
    await templatesCommand(io).parseAsync(['check'], { from: 'user' });
    expect(process.exitCode ?? 0).toBe(before ?? 0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^templates check: OK: 36 templates \(9 kinds × 4 locales: en, da, nb, et\)/);
  });

  it('exits 1 and prints one file:line message per problem', async () => {
    const dir = copyTemplates();
    const line = edit(dir, 'escalation/et.mjml', '{{customer.name}} &lt;', '{{customer.nimi}} &lt;');
    const { io, out, err } = capture();
    try {
      await templatesCommand(io).parseAsync(['check', '--dir', dir], { from: 'user' });
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = 0;
    }
    expect(out).toEqual([]);
    expect(err[0]).toBe(
      `templates/escalation/et.mjml:${line}: unknown variable "customer.nimi" — did you mean "customer.name"? The escalation template cannot use it; run \`npx complaints templates vars escalation\` to list them.`,
    );
    expect(err.at(-1)).toMatch(/1 problem\(s\)/);
  });

  it('lists the variables of a kind', async () => {
    const { io, out } = capture();
    await templatesCommand(io).parseAsync(['vars', 'follow-up'], { from: 'user' });
    expect(out.join('\n')).toMatch(/progress\.nextUpdateBy\s+date and time \(show it with formatDate\) {2}\(optional: wrap in \{\{#if\}\}\)/);
  });
});
