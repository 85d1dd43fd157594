import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { signToken } from '#core/signed-token';
import { launchChromium } from '../../support/browser.ts';
import { startTestStack, waitFor, type TestStack } from '../../support/local-stack.ts';
import { sendComplaint } from '../../support/smtp.ts';

const SECRET = 'feedback-test-secret-0123456789';
let stack: TestStack;
let store: DynamoComplaintStore;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack({ signingSecret: SECRET, pollScheduler: false });
  store = new DynamoComplaintStore(dynamoDocumentClient(), 'complaints');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.dispose();
});

async function resolvedComplaint(from: string, text: string): Promise<string> {
  await sendComplaint(stack.smtpPort, { from, subject: 'Feedback page test', text });
  await stack.drain();
  const complaint = (await store.listComplaints({ status: 'open' })).find((candidate) => candidate.customer.email === from)!;
  await store.resolveComplaint(complaint.reference, { resolvedAt: new Date().toISOString(), resolvedBy: 'Sam', summary: 'Refunded in full' });
  return complaint.reference;
}

const link = (reference: string, rating?: number, options: { secret?: string; exp?: number } = {}) => {
  const token = signToken({ purpose: 'feedback', reference, exp: options.exp ?? Math.floor(Date.now() / 1000) + 3600 }, options.secret ?? SECRET);
  return `${stack.endpoints.feedback}feedback?t=${encodeURIComponent(token)}${rating ? `&r=${rating}` : ''}`;
};

describe('the feedback page in Chromium', () => {
  it('shows the rating from the link preselected, records nothing on GET, and records a submitted rating once', async () => {
    const reference = await resolvedComplaint('rater@customer.test', 'Min pakke kom aldri frem, og jeg har ikke fået svar på mine mails.');
    const page = await browser.newPage();
    await page.goto(link(reference, 2));
    expect(await page.locator('input[name="rating"][value="2"]').isChecked()).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe((await store.getComplaint(reference))!.classification.language);
    expect((await store.getComplaint(reference))?.feedback).toBeUndefined();

    await page.locator('input[name="rating"][value="1"]').check();
    await page.fill('textarea[name="comment"]', 'Took <b>far</b> too long.');
    await Promise.all([page.waitForURL(/\/feedback$/), page.click('button[type="submit"]')]);
    expect(await page.locator('#result').textContent()).toMatch(/1/);

    const complaint = await store.getComplaint(reference);
    expect(complaint?.feedback).toMatchObject({ rating: 1, comment: 'Took <b>far</b> too long.' });
    // A rating of 2 or less alerts the managers at once.
    await waitFor(async () => ((await stack.outbox.messages()).some((mail) => mail.envelope.destinations.includes('managers@example.com') && (mail.subject ?? '').includes(reference)) ? true : undefined));

    await page.goto(link(reference, 5));
    expect(await page.locator('#result').textContent()).toMatch(/already|allerede|juba/i);
    await page.close();
  });

  it('answers a forged token with a clear page and no stack trace', async () => {
    const reference = await resolvedComplaint('forger@customer.test', 'The lamp flickers.');
    const page = await browser.newPage();
    const response = await page.goto(link(reference, 5, { secret: 'not-the-real-secret-000000' }));
    expect(response?.status()).toBe(400);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toMatch(/not valid/);
    expect(text).not.toMatch(/Error|at .*\.ts/);
    await page.close();

    const posted = await fetch(`${stack.endpoints.feedback}feedback`, { method: 'POST', body: new URLSearchParams({ t: 'abc.def', rating: '5' }) });
    expect(posted.status).toBe(400);
    expect((await store.getComplaint(reference))?.feedback).toBeUndefined();
  });

  it('answers an expired link with its own page', async () => {
    const reference = await resolvedComplaint('late@customer.test', 'The chair wobbles.');
    const response = await fetch(link(reference, 4, { exp: Math.floor(Date.now() / 1000) - 10 }));
    expect(response.status).toBe(410);
    expect(await response.text()).toMatch(/expired/);
  });
});
