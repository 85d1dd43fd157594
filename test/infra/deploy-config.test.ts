import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { ConfigError, parseAppConfig } from '#config/app-config';
import { PROJECT_ROOT, runApp, runtimeConfigJson } from '../../infra/stack/build.ts';
import {
  parseDeployConfig,
  recipientMatches,
  recipientsOf,
  runtimeConfigOf,
} from '../../infra/stack/deploy-config.ts';
import { CDK_CONTEXT, STUB_HANDLERS_DIR, buildTestApp, exampleConfig } from './helpers.ts';

const INBOUND_ONLY_DIR = fileURLToPath(new URL('./fixtures/inbound-only/', import.meta.url));

/** The ConfigError message for a config with `patch` applied (deep paths as 'a.b'). */
function errorFor(patch: Record<string, unknown>): string {
  const config = exampleConfig();
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('.');
    let target = config as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    const last = keys[keys.length - 1] as string;
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  try {
    parseDeployConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(patch)} to be rejected`);
}

describe('deploy config', () => {
  it('accepts the example in cdk.json and fills in the defaults', () => {
    const config = parseDeployConfig(CDK_CONTEXT['complaints']);
    expect(config).toMatchObject({
      domain: 'example.com',
      receiptRuleSetName: 'complaints',
      receiptRuleName: 'complaints-inbound',
      stackName: 'ComplaintResponder',
      logRetentionDays: 90,
      retentionDays: 1095,
    });
    expect(config.limits.maxAttachments).toBe(20);
    expect(recipientsOf(config)).toEqual(['complaints@example.com', 'example.com']);
  });

  it('hands the functions exactly the runtime AppConfig, without deploy-only fields', () => {
    const runtime = runtimeConfigOf(parseDeployConfig(exampleConfig()));
    for (const key of ['domain', 'receiptRuleSetName', 'receiptRuleName', 'alarmEmail', 'stackName', 'tracing']) {
      expect(runtime).not.toHaveProperty(key);
    }
    expect(parseAppConfig(JSON.parse(JSON.stringify(runtime)), 'test')).toEqual(runtime);
  });

  it.each([
    [{ 'sla.resolution': '5 days' }, /^ {2}sla\.resolution: .*ISO-8601/m],
    [{ domain: 'Not A Domain' }, /^ {2}domain: .*DNS domain/m],
    [{ domain: undefined }, /^ {2}domain: /m],
    [{ complaintAddress: 'complaints@elsewhere.org' }, /^ {2}complaintAddress: must be an address in the domain "example\.com"/m],
    [{ complaintAddress: 'complaints+x@example.com' }, /^ {2}complaintAddress: must not carry a plus tag/m],
    [{ 'brand.fromAddress': 'care@elsewhere.org' }, /^ {2}brand\.fromAddress: must be an address in the domain/m],
    [{ agentsAddress: 'agents@example.com' }, /^ {2}agentsAddress: is matched by the receipt rule recipient "example\.com"/m],
    [{ logRetentionDays: 42 }, /^ {2}logRetentionDays: one of the CloudWatch Logs retention periods/m],
    [{ receiptRuleSetName: '-bad name-' }, /^ {2}receiptRuleSetName: an SES name/m],
    [{ alarmEmail: 'not-an-address' }, /^ {2}alarmEmail: /m],
    [{ retentionDays: 0 }, /^ {2}retentionDays: /m],
    [{ 'identifierPatterns.order': ['(unclosed'] }, /^ {2}identifierPatterns\.order\.0: a valid regular expression/m],
    [{ feedbackReservedConcurrency: 0 }, /^ {2}feedbackReservedConcurrency: a whole number of concurrent executions from 1 to 1000, or false/m],
    [{ feedbackReservedConcurrency: true }, /^ {2}feedbackReservedConcurrency: /m],
    [{ signingSecretGeneration: 0 }, /^ {2}signingSecretGeneration: /m],
  ])('names the offending field for %j', (patch, expected) => {
    const message = errorFor(patch);
    expect(message).toMatch(/^Invalid configuration in cdk\.json context "complaints":/);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reports every problem at once, one line per field', () => {
    const message = errorFor({ domain: 'bad domain', 'sla.firstResponse': 'soon' });
    expect(message.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      expect.stringMatching(/^ {2}sla\.firstResponse: /),
      expect.stringMatching(/^ {2}domain: /),
    ]);
  });

  it('explains a missing "complaints" context and accepts it as a JSON string (cdk -c)', () => {
    expect(() => parseDeployConfig(undefined)).toThrow(/add a "complaints" object under "context" in cdk\.json/);
    expect(parseDeployConfig(JSON.stringify(exampleConfig())).domain).toBe('example.com');
    expect(() => parseDeployConfig('{nope')).toThrow(/\(not JSON\)/);
  });

  it('matches SES recipient conditions like SES does', () => {
    expect(recipientMatches('example.com', 'a@example.com')).toBe(true);
    expect(recipientMatches('example.com', 'a@corp.example.com')).toBe(false);
    expect(recipientMatches('.example.com', 'a@corp.example.com')).toBe(true);
    expect(recipientMatches('Complaints@Example.com', 'complaints@example.com')).toBe(true);
    expect(recipientMatches('complaints@example.com', 'complaints+CMP-1@example.com')).toBe(false);
  });
});

describe('the app entry point (runApp, what infra/app.ts runs)', () => {
  it('prints a message naming the field and returns exit code 1 on an invalid config', () => {
    const lines: string[] = [];
    const app = new App({
      context: { ...CDK_CONTEXT, complaints: { ...exampleConfig(), sla: { firstResponse: 'PT8H', resolution: 'tomorrow' } } },
    });
    expect(runApp({ app, handlersDir: STUB_HANDLERS_DIR, skipBundling: true }, (line) => lines.push(line))).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration in cdk\.json context "complaints":\n {2}sla\.resolution: /);
  });

  it('refuses the removed scheduler switch (-c scheduler=off) instead of silently deploying the scheduler', () => {
    for (const mode of ['off', 'auto']) {
      const lines: string[] = [];
      const app = new App({ context: { ...CDK_CONTEXT, scheduler: mode } });
      expect(runApp({ app, handlersDir: STUB_HANDLERS_DIR, skipBundling: true }, (line) => lines.push(line))).toBe(1);
      expect(lines[0]).toMatch(new RegExp(`scheduler: "${mode}" is no longer supported: the scheduler function is always deployed`));
    }
    // "required" is what the stack does anyway; scripts that still pass it keep working.
    const app = new App({ context: { ...CDK_CONTEXT, scheduler: 'required', 'aws:cdk:bundling-stacks': [] } });
    expect(runApp({ app, handlersDir: STUB_HANDLERS_DIR, skipBundling: true }, () => undefined)).toBe(0);
  });

  it('names every missing handler instead of failing inside esbuild', () => {
    const lines: string[] = [];
    const app = new App({ context: CDK_CONTEXT });
    const code = runApp({ app, handlersDir: fileURLToPath(new URL('./fixtures/', import.meta.url)), skipBundling: true }, (line) =>
      lines.push(line),
    );
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^ {2}inbound: test\/infra\/fixtures\/inbound\.ts does not exist/m);
    expect(lines[0]).toMatch(/^ {2}scheduler: test\/infra\/fixtures\/scheduler\.ts does not exist/m);
    expect(lines[0]).toMatch(/^ {2}feedback: test\/infra\/fixtures\/feedback\.ts does not exist/m);
  });

  it('requires the scheduler and feedback handlers: a handlers directory with inbound.ts alone fails synth', () => {
    expect(() => buildTestApp(exampleConfig(), { handlersDir: INBOUND_ONLY_DIR, skipBundling: true })).toThrow(
      /^ {2}scheduler: test\/infra\/fixtures\/inbound-only\/scheduler\.ts does not exist[\s\S]*^ {2}feedback: /m,
    );
  });
});

describe('runtime configuration for the operator CLI', () => {
  it('is the COMPLAINTS_CONFIG the functions get, as one line of JSON', () => {
    const { stack } = buildTestApp(exampleConfig(), { skipBundling: true });
    const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } }))[0] as {
      Properties: { Environment: { Variables: Record<string, unknown> } };
    };
    expect(runtimeConfigJson(exampleConfig())).toBe(fn.Properties.Environment.Variables[RUNTIME_ENV.appConfig]);
    expect(runtimeConfigJson()).not.toContain('\n');
    expect(() => runtimeConfigJson({ ...exampleConfig(), domain: 'bad domain' })).toThrow(ConfigError);
  });

  it('is what `tsx infra/app.ts --print-runtime-config` prints (and it synthesizes nothing)', () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const output = execFileSync(process.execPath, [tsx, 'infra/app.ts', '--print-runtime-config'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(output).toBe(`${runtimeConfigJson()}\n`);
    expect(parseAppConfig(JSON.parse(output), 'printed').complaintAddress).toBe('complaints@example.com');
  });
});

describe('configuration variants', () => {
  it('uses an existing domain identity by ARN when the stack does not manage it', () => {
    const { stack } = buildTestApp({ ...exampleConfig(), manageEmailIdentity: false }, { skipBundling: true });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).toContain(':identity/example.com');
  });

  it('e-mails all three DLQ alarms (inbound, ses-notifications, scheduler) to alarmEmail when set', () => {
    const { stack } = buildTestApp({ ...exampleConfig(), alarmEmail: 'ops@corp.example.com' }, { skipBundling: true });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@corp.example.com' });
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }] }, 3);
  });

  it('honours explicit recipients and an explicit environment', () => {
    const { stack } = buildTestApp(
      { ...exampleConfig(), recipients: ['complaints@example.com', '.example.com'], agentsAddress: 'agents@example.org', managersAddress: 'managers@example.org' },
      { skipBundling: true, env: { account: '123456789012', region: 'eu-west-1' } },
    );
    expect(Stack.of(stack).region).toBe('eu-west-1');
    Template.fromStack(stack).hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: { Recipients: ['complaints@example.com', '.example.com'] },
    });
  });

  it('lets the feedback function go without reserved concurrency (accounts with a small concurrency quota)', () => {
    const { stack } = buildTestApp({ ...exampleConfig(), feedbackReservedConcurrency: false }, { skipBundling: true });
    const template = Template.fromStack(stack);
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { ReservedConcurrentExecutions: Match.anyValue() }, 0);
    template.hasResourceProperties('AWS::Lambda::Function', { MemorySize: 256, Timeout: 10 });
  });

  it('replaces the signing key when signingSecretGeneration is raised, and points every function at the new one', () => {
    const first = Template.fromStack(buildTestApp(exampleConfig(), { skipBundling: true }).stack);
    const second = Template.fromStack(buildTestApp({ ...exampleConfig(), signingSecretGeneration: 2 }, { skipBundling: true }).stack);
    const secretId = (template: Template): string => Object.keys(template.findResources('AWS::SecretsManager::Secret'))[0] ?? '';
    expect(secretId(second)).not.toBe(secretId(first));
    second.resourceCountIs('AWS::SecretsManager::Secret', 1);
    const usesNewKey = {
      Environment: { Variables: { [RUNTIME_ENV.signingSecret]: { 'Fn::Join': ['', Match.arrayWith([{ Ref: secretId(second) }])] } } },
    };
    second.resourcePropertiesCountIs('AWS::Lambda::Function', usesNewKey, 3);
  });

  it('refuses a runtime configuration that would not fit the 4 KB Lambda environment', () => {
    const huge = { ...exampleConfig(), brand: { ...(exampleConfig()['brand'] as object), postalAddress: [`${'x'.repeat(4000)}`] } };
    expect(() => buildTestApp(huge, { skipBundling: true })).toThrow(/exceeds Lambda's 4 KB environment limit/);
  });
});
