import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '#adapters/table-schema';
import { buildTestApp, exampleConfig } from './helpers.ts';

// An unusual retention, so a rule that is right only by coincidence (a hard-coded 1095) fails.
const RETENTION_DAYS = 401;
let template: Template;

beforeAll(() => {
  template = Template.fromStack(buildTestApp({ ...exampleConfig(), retentionDays: RETENTION_DAYS }).stack);
});

type Resource = { Properties: Record<string, unknown> };
type LifecycleRule = { Prefix?: string; ExpirationInDays?: number; Status?: string };

function mailBucketRules(): LifecycleRule[] {
  // The mail bucket is the one that writes access logs elsewhere; the log bucket has no prefix rules.
  const buckets = Object.values(template.findResources('AWS::S3::Bucket') as Record<string, Resource>).filter((bucket) => bucket.Properties['LoggingConfiguration']);
  expect(buckets).toHaveLength(1);
  return (buckets[0]!.Properties['LifecycleConfiguration'] as { Rules: LifecycleRule[] }).Rules;
}

/** Every S3 prefix the functions are told to write under (INBOUND_PREFIX, ATTACHMENTS_PREFIX, LETTERS_PREFIX, …). */
function prefixesTheFunctionsUse(): string[] {
  const functions = Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Resource>);
  const prefixes = functions.flatMap((fn) =>
    Object.entries((fn.Properties['Environment'] as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {})
      .filter(([name, value]) => name.endsWith('_PREFIX') && typeof value === 'string')
      .map(([, value]) => value as string),
  );
  return [...new Set(prefixes)].sort();
}

describe('retention comes from retentionDays', () => {
  it('expires every prefix the functions write personal data under after retentionDays', () => {
    const prefixes = prefixesTheFunctionsUse();
    expect(prefixes).toEqual(expect.arrayContaining(['attachments/', 'inbound/', 'letters/']));
    const rules = mailBucketRules();
    for (const prefix of prefixes) {
      expect(rules, `lifecycle rule for ${prefix}`).toContainEqual(expect.objectContaining({ Prefix: prefix, ExpirationInDays: RETENTION_DAYS, Status: 'Enabled' }));
    }
  });

  it('has no object rule that keeps mail longer than retentionDays', () => {
    const expiring = mailBucketRules().filter((rule) => rule.ExpirationInDays !== undefined);
    expect(expiring.length).toBeGreaterThanOrEqual(3);
    for (const rule of expiring) expect(rule.ExpirationInDays).toBeLessThanOrEqual(RETENTION_DAYS);
    // Everything kept on a complaint's behalf lives exactly as long as the complaint; only infected mail goes sooner.
    const shorter = expiring.filter((rule) => rule.ExpirationInDays !== RETENTION_DAYS);
    expect(shorter.map((rule) => rule.Prefix)).toEqual(['quarantine/']);
  });

  it('expires the access logs (they name object keys) after retentionDays too', () => {
    const logBucket = Object.values(template.findResources('AWS::S3::Bucket') as Record<string, Resource>).find((bucket) => !bucket.Properties['LoggingConfiguration'])!;
    const rules = (logBucket.Properties['LifecycleConfiguration'] as { Rules: LifecycleRule[] }).Rules;
    expect(rules).toContainEqual(expect.objectContaining({ ExpirationInDays: RETENTION_DAYS, Status: 'Enabled' }));
  });

  it('turns on DynamoDB TTL on the attribute the stores write', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: TABLE_KEYS.timeToLive, Enabled: true } });
    expect(TABLE_KEYS.timeToLive).toBe('expiresAt');
  });
});
