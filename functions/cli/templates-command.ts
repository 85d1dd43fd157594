/**
 * `complaints templates …`: the admin's tools for the email templates in templates/.
 *
 *   check         every problem as file:line; exit code 1 if there is any (CI runs this)
 *   build         compile into .build/templates/ (what `npm run build:templates` does)
 *   vars <kind>   the variables a kind's templates may use
 *
 * The heavy modules (mjml, the Handlebars compiler) are loaded only when a subcommand runs.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';

export interface TemplatesCommandIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: TemplatesCommandIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

export function templatesCommand(io: TemplatesCommandIo = consoleIo): Command {
  const templates = new Command('templates').description('Check, build and inspect the email templates admins edit in templates/.');

  templates
    .command('check')
    .description('Check every template: variables against their schema, locales, MJML, Handlebars, subjects; render each with sample data.')
    .option('--dir <path>', 'the templates folder (default: templates/ in the repository)')
    .action(async (options: { dir?: string }) => {
      const { checkTemplates } = await import('#templates/check');
      const { formatDiagnostic } = await import('#templates/source');
      const started = performance.now();
      const result = await checkTemplates(options.dir);
      if (!result.ok) {
        for (const diagnostic of result.diagnostics) io.err(formatDiagnostic(diagnostic));
        io.err(`\ntemplates check: ${result.diagnostics.length} problem(s). Nothing reaches a customer until they are fixed.`);
        process.exitCode = 1;
        return;
      }
      const ms = Math.round(performance.now() - started);
      io.out(`templates check: OK: ${result.templates} templates (${result.kinds} kinds × ${result.locales.length} locales: ${result.locales.join(', ')}) in ${ms} ms`);
    });

  templates
    .command('build')
    .description('Compile the templates into .build/templates/compiled.js (done automatically before test, start and bench).')
    .option('--force', 'rebuild even if nothing changed')
    .action(async (options: { force?: boolean }) => {
      const { buildTemplates, PROJECT_ROOT } = await import('#templates/build');
      const { formatDiagnostic } = await import('#templates/source');
      const result = await buildTemplates({ force: options.force ?? false });
      if (!result.ok) {
        for (const diagnostic of result.diagnostics) io.err(formatDiagnostic(diagnostic));
        io.err(`\ntemplates build: failed with ${result.diagnostics.length} problem(s); nothing was written.`);
        process.exitCode = 1;
        return;
      }
      const where = relative(PROJECT_ROOT, result.outFile);
      io.out(result.skipped ? `templates build: ${where} is up to date` : `templates build: compiled ${result.templates} templates into ${where}`);
    });

  templates
    .command('vars')
    .description('List the variables a kind of template may use, e.g. `templates vars acknowledgement`.')
    .argument('[kind]', 'a template kind; without it, the kinds are listed')
    .action(async (kind: string | undefined) => {
      const { EMAIL_KINDS, EMAIL_KIND_AUDIENCE, emailContextSchemas, isEmailKind } = await import('#templates/schemas');
      const { variablePaths } = await import('#templates/analyze');
      if (!kind) {
        for (const name of EMAIL_KINDS) io.out(`${name.padEnd(20)} ${EMAIL_KIND_AUDIENCE[name] === 'customer' ? 'to the customer' : 'internal'}`);
        return;
      }
      if (!isEmailKind(kind)) {
        io.err(`templates vars: "${kind}" is not a template kind (known: ${EMAIL_KINDS.join(', ')})`);
        process.exitCode = 1;
        return;
      }
      const rows = variablePaths(emailContextSchemas[kind]);
      const width = Math.max(...rows.map((row) => row.path.length)) + 2;
      io.out(`Variables of ${kind} (use inside {{…}}; "[]" marks a list, used with {{#each}}):`);
      for (const row of rows) io.out(`  ${row.path.padEnd(width)}${row.type}${row.optional ? '  (optional: wrap in {{#if}})' : ''}`);
    });

  return templates;
}

// `npm run templates -- check` works without the complaints CLI too.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await templatesCommand().name('npm run templates --').parseAsync(process.argv);
}
