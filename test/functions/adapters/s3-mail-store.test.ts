import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Client } from '#adapters/aws-clients';
import { QUARANTINE_PREFIX, S3MailStore } from '#adapters/s3-mail-store';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';

let stack: TestStack;
const BUCKET = 'complaints-mail';

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.dispose();
});

describe('S3MailStore.quarantine', () => {
  it('moves the raw message under quarantine/ without reading it, and a repeat finds the move made', async () => {
    const store = new S3MailStore(s3Client(), BUCKET);
    const key = `inbound/quarantine-test-${Date.now()}`;
    await s3Client().send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR' }));

    const quarantineKey = await store.quarantine(key);
    expect(quarantineKey).toBe(`${QUARANTINE_PREFIX}${key}`);
    await expect(s3Client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toThrow();
    const moved = await s3Client().send(new GetObjectCommand({ Bucket: BUCKET, Key: quarantineKey }));
    expect(await moved.Body?.transformToString()).toContain('EICAR');

    // A retry after a crash between the move and the inbound record.
    expect(await store.quarantine(key)).toBe(quarantineKey);
  });

  it('fails loudly when there is nothing to quarantine at all', async () => {
    const store = new S3MailStore(s3Client(), BUCKET);
    await expect(store.quarantine(`inbound/never-stored-${Date.now()}`)).rejects.toThrow();
  });
});
