import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { LAMBDA_BUNDLE_OPTIONS } from '../../bench/bundle.ts';
import { renderEmail as renderFromSource } from '#templates/render';
import { sampleContexts } from '#templates/sample-data';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'templates-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Build-time-only packages: none of them may end up in a Lambda bundle. */
const FORBIDDEN = /node_modules\/(?:mjml[^/]*|juice|js-beautify|html-minifier[^/]*|cheerio)\/|node_modules\/handlebars\/(?:lib|dist\/cjs\/handlebars\/compiler)\//;
/** The template build also uses html-to-text; the render path must not (mailparser may, elsewhere). */
const TEMPLATE_BUILD_ONLY = /node_modules\/(?:html-to-text|htmlparser2)\//;

async function bundle(entry: string, outfile: string): Promise<{ inputs: string[]; code: string }> {
  const result = await build({ ...LAMBDA_BUNDLE_OPTIONS, entryPoints: [entry], outfile, metafile: true, absWorkingDir: ROOT });
  const metafile: Metafile = result.metafile;
  return { inputs: Object.keys(metafile.inputs), code: readFileSync(outfile, 'utf8') };
}

describe('the Lambda bundle', () => {
  it('contains the compiled templates and neither mjml nor Handlebars', async () => {
    const entry = join(work, 'entry.ts');
    writeFileSync(entry, `export { renderEmail } from ${JSON.stringify(join(ROOT, 'functions/templates/render.ts'))};\n`);
    const outfile = join(work, 'render.mjs');
    const { inputs, code } = await bundle(entry, outfile);

    expect(inputs.filter((input) => FORBIDDEN.test(input) || TEMPLATE_BUILD_ONLY.test(input))).toEqual([]);
    expect(inputs).toContain('.build/templates/compiled.js');
    // the templates compile to plain functions: not even handlebars/runtime is needed
    expect(inputs.filter((input) => input.includes('node_modules/handlebars/'))).toEqual([]);
    // no trace of the mjml library or the Handlebars compiler (the HTML's own mj-* CSS classes are fine)
    expect(code).not.toMatch(/mjml|validationLevel|Parse error on line|JavaScriptCompiler/);

    // and the bundle renders exactly what the sources render
    const bundled = (await import(pathToFileURL(outfile).href)) as { renderEmail: typeof renderFromSource };
    const options = { locale: 'da', fallbackLocale: 'en' };
    expect(bundled.renderEmail('acknowledgement', sampleContexts.acknowledgement, options)).toEqual(renderFromSource('acknowledgement', sampleContexts.acknowledgement, options));
  });

  const handlersDir = join(ROOT, 'functions/handlers');
  const handlers = readdirSync(handlersDir).filter((name) => name.endsWith('.ts') && name !== 'runtime.ts');
  it.each(handlers)('handler %s does not bundle mjml', async (name) => {
    const { inputs } = await bundle(join(handlersDir, name), join(work, `${name}.mjs`));
    expect(inputs.filter((input) => FORBIDDEN.test(input))).toEqual([]);
  });
});

describe('the packed template module (.build/templates/compiled.js)', () => {
  it('is small and renders exactly what the generated functions render', async () => {
    const { compileTemplateSet, evaluateTemplates } = await import('#templates/compiler');
    const { templateRuntime } = await import('#templates/helpers');
    const { emailContextSchemas } = await import('#templates/schemas');
    const compiledModule = (await import('../../../.build/templates/compiled.js')) as typeof import('../../../.build/templates/compiled.js');
    // the template functions travel Brotli-packed: a few tens of KB in every Lambda, not ~450 KB
    expect(readFileSync(join(ROOT, '.build/templates/compiled.js')).length).toBeLessThan(64 * 1024);

    const result = await compileTemplateSet();
    expect(result.diagnostics).toEqual([]);
    const unpacked = evaluateTemplates(result.templates);
    const packed = compiledModule.createTemplates(templateRuntime);
    expect(Object.keys(packed).sort()).toEqual(Object.keys(unpacked).sort());
    for (const source of result.templates) {
      const kind = source.kind;
      const context = emailContextSchemas[kind].parse(sampleContexts[kind]);
      const data = { locale: source.locale, intl: 'en-GB', timeZone: 'Europe/Copenhagen' };
      for (const part of ['subject', 'html', 'text'] as const) {
        expect(packed[kind]?.[source.locale]?.[part](context, data), `${kind}/${source.locale} ${part}`).toBe(unpacked[kind]?.[source.locale]?.[part](context, data));
      }
    }
  });
});
