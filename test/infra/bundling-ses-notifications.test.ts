import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoSuppressionList } from '#adapters/dynamo-suppression-list';
import { parseAppConfig } from '#config/app-config';
import { LOCAL_APP_CONFIG } from '#local/local-config';
import { lambdaBuildOptions, shipPackages } from '../../infra/stack/bundling.ts';
import { startTestTable } from '../support/dynamo.ts';

mkdirSync(resolve('.build'), { recursive: true });
const dir = mkdtempSync(join(resolve('.build'), 'bundling-ses-notifications-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the real ses-notifications bundle', () => {
  it('runs in plain Node: parses an SNS-wrapped SES bounce and writes the suppression', async () => {
    const table = await startTestTable();
    try {
      const outfile = join(dir, 'ses-notifications.mjs');
      await build({ ...lambdaBuildOptions(process.cwd()), entryPoints: [resolve('functions/handlers/ses-notifications.ts')], outfile });
      shipPackages(process.cwd(), dir);
      console.info(`ses-notifications bundle: ${(statSync(outfile).size / 1024).toFixed(0)} KiB`);

      const bounce = JSON.parse(readFileSync(resolve('test/fixtures/ses/bounce-event.json'), 'utf8')) as Record<string, unknown>;
      const event = { Records: [{ EventSource: 'aws:sns', Sns: { MessageId: 'sns-1', TopicArn: 'arn:aws:sns:eu-west-1:123456789012:t', Message: JSON.stringify(bounce) } }] };
      const runner = join(dir, 'invoke.mjs');
      writeFileSync(runner, `const { handler } = await import('./ses-notifications.mjs');\nconsole.log(JSON.stringify(await handler(${JSON.stringify(event)})));\n`);
      const endpoint = await table.db.config.endpoint!();
      const env = {
        ...process.env,
        TABLE_NAME: table.table,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_ENDPOINT_URL_DYNAMODB: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`,
        COMPLAINTS_CONFIG: JSON.stringify(parseAppConfig(LOCAL_APP_CONFIG, 'test')),
        POWERTOOLS_LOG_LEVEL: 'WARN',
      };
      const { stdout } = await promisify(execFile)(process.execPath, [runner], { encoding: 'utf8', env });
      expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual([{ address: 'recipient@example.com', action: 'suppress', suppression: 'suppressed' }]);
      expect(await new DynamoSuppressionList(table.db, table.table).get('recipient@example.com')).toMatchObject({ kind: 'bounce', bounceType: 'Permanent' });
    } finally {
      await table.stop();
    }
  });
});
