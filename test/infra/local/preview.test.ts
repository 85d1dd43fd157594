import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../infra/local/preview.ts';
import { DEFAULT_TEMPLATES_DIR } from '#templates/source';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe('npm run preview (headless Chromium)', () => {
  let root: string;
  let templatesDir: string;
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    // a copy, so the live-reload check can edit files without touching the real templates
    root = mkdtempSync(join(tmpdir(), 'preview-'));
    templatesDir = join(root, 'templates');
    cpSync(DEFAULT_TEMPLATES_DIR, templatesDir, { recursive: true });
    server = await startPreviewServer({ port: 0, templatesDir, pollMs: 100 });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists every template × locale and renders one at desktop and mobile width with its text part', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(server.url);
    await expect.poll(() => page.locator('article.card').count()).toBe(36);
    expect(await page.locator('article.card[data-ok="true"]').count()).toBe(36);
    expect(await page.locator('#problems').textContent()).toContain('No problems');

    const card = page.locator('article[data-template="acknowledgement/en"]');
    await card.scrollIntoViewIfNeeded();
    expect(await card.locator('.subject-text').textContent()).toBe('We have received your message: Sofa delivered with a torn cushion');
    expect(await card.locator('pre.text').textContent()).toContain('Dear Anna Jensen,');

    for (const [frameClass, width] of [
      ['desktop', 660],
      ['mobile', 375],
    ] as const) {
      const iframe = card.locator(`iframe.${frameClass}`);
      expect(Math.round((await iframe.boundingBox())?.width ?? 0)).toBe(width);
      const frame = card.frameLocator(`iframe.${frameClass}`);
      await expect.poll(() => frame.locator('body').textContent(), { timeout: 10_000 }).toContain('Your reference: CMP-7K3QX9');
      const bodyText = (await frame.locator('body').textContent()) ?? '';
      expect(bodyText).toContain('within 8 hours');
      expect(bodyText).not.toContain('{{');
    }
    await page.close();
  });

  it('reloads when a template file is saved, and shows problems with file:line', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(server.url);
    const subject = page.locator('article[data-template="acknowledgement/da"] .subject-text');
    await expect.poll(() => subject.textContent()).toContain('Vi har modtaget din henvendelse');

    const file = join(templatesDir, 'acknowledgement', 'da.mjml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('subject: Vi har modtaget din henvendelse', 'subject: Tak for din henvendelse'));
    await expect.poll(() => subject.textContent(), { timeout: 15_000 }).toContain('Tak for din henvendelse');

    writeFileSync(file, original.replace('{{complaint.reference}}', '{{complaint.referense}}').replace('{{> reference}}', '<mj-text>{{complaint.referense}}</mj-text>'));
    const problems = page.locator('#problems');
    await expect.poll(() => problems.textContent(), { timeout: 15_000 }).toMatch(/templates\/acknowledgement\/da\.mjml:\d+: unknown variable "complaint\.referense"/);
    // the other templates keep rendering while one is broken
    await expect.poll(() => page.locator('article.card[data-ok="true"]').count()).toBe(35);
    expect(await page.locator('article[data-template="acknowledgement/da"]').getAttribute('data-ok')).toBe('false');
    writeFileSync(file, original);
    await page.close();
  });
});
