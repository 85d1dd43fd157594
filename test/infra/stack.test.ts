import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUNTIME_ENV, TABLE_KEYS } from '#adapters/table-schema';
import { parseAppConfig } from '#config/app-config';
import type { BuiltApp } from '../../infra/stack/build.ts';
import { feedbackSettings, runtimeSettings, signingSecret } from '../../functions/handlers/runtime.ts';
import { reportRequest, wireReport } from '../../functions/handlers/report.ts';
import { buildTestApp } from './helpers.ts';

// One synthesis for the whole file: esbuild really bundles the stub handlers (ESM, banner, source maps).
let built: BuiltApp;
let template: Template;

beforeAll(() => {
  built = buildTestApp();
  template = Template.fromStack(built.stack);
});

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;
const resources = (type: string): Resources => template.findResources(type) as Resources;
const onlyOne = <T>(values: T[]): T => {
  expect(values).toHaveLength(1);
  return values[0] as T;
};
const logicalIdOf = (type: string, props: unknown = {}): string =>
  onlyOne(Object.keys(template.findResources(type, { Properties: props })));
/** The handler function whose logical id starts with `prefix` (Inbound, Scheduler, Feedback, Report). */
const handlerFunction = (prefix: string): { id: string; props: Record<string, unknown>; env: Record<string, unknown> } => {
  const [id, fn] = onlyOne(Object.entries(resources('AWS::Lambda::Function')).filter(([key]) => key.startsWith(`${prefix}Function`)));
  return { id, props: fn.Properties, env: (fn.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables };
};

describe('SES receiving', () => {
  it('stores the mail in S3 under inbound/ and then invokes the inbound function asynchronously', () => {
    const bucketId = logicalIdOf('AWS::S3::Bucket', { LoggingConfiguration: Match.anyValue() });
    const inboundId = handlerFunction('Inbound').id;
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: {
        Name: 'complaints-inbound',
        Enabled: true,
        ScanEnabled: true,
        Recipients: ['complaints@example.com', 'example.com'],
        Actions: [
          { S3Action: { BucketName: { Ref: bucketId }, ObjectKeyPrefix: 'inbound/' } },
          { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [inboundId, 'Arn'] }, InvocationType: 'Event' } },
        ],
      },
      RuleSetName: { Ref: logicalIdOf('AWS::SES::ReceiptRuleSet', { RuleSetName: 'complaints' }) },
    });
  });

  it('creates the rule only after SES may write to the bucket and invoke the function', () => {
    const rule = onlyOne(Object.values(template.findResources('AWS::SES::ReceiptRule')));
    const dependsOn = rule['DependsOn'] as string[];
    expect(dependsOn).toContain(logicalIdOf('AWS::S3::BucketPolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowSesInboundDelivery' })]) } }));
    expect(dependsOn).toContain(logicalIdOf('AWS::Lambda::Permission', { Principal: 'ses.amazonaws.com' }));
  });

  it('activates the rule set with a custom resource and deactivates it on delete', () => {
    const custom = onlyOne(Object.values(template.findResources('Custom::AWS')));
    const props = custom['Properties'] as Record<string, string>;
    const create = JSON.parse(props['Create'] as string) as Record<string, unknown>;
    const update = JSON.parse(props['Update'] as string) as Record<string, unknown>;
    const remove = JSON.parse(props['Delete'] as string) as Record<string, unknown>;
    expect(create).toMatchObject({ service: 'SES', action: 'setActiveReceiptRuleSet', parameters: { RuleSetName: 'complaints' } });
    expect(update).toMatchObject({ action: 'setActiveReceiptRuleSet', parameters: { RuleSetName: 'complaints' } });
    expect(remove).toMatchObject({ action: 'setActiveReceiptRuleSet', parameters: {} });
    // Activated only once the rule exists.
    expect(custom['DependsOn']).toContain(onlyOne(Object.keys(template.findResources('AWS::SES::ReceiptRule'))));
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'ses:SetActiveReceiptRuleSet', Effect: 'Allow', Resource: '*' }] },
    });
  });

  it('lets only this receipt rule invoke the function', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'ses.amazonaws.com',
      SourceAccount: { Ref: 'AWS::AccountId' },
      SourceArn: {
        'Fn::Join': [
          '',
          Match.arrayWith([Match.stringLikeRegexp(':receipt-rule-set/complaints:receipt-rule/complaints-inbound$')]),
        ],
      },
    });
  });

  it('creates the domain identity with Easy DKIM and a configuration set', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.com',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.anyValue() } },
    });
    template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    template.hasOutput('MxRecord', {
      Value: { 'Fn::Join': ['', ['example.com MX 10 inbound-smtp.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
    });
  });
});

describe('mail bucket', () => {
  it('is encrypted, private and logs access to a separate bucket', () => {
    const logBucketId = logicalIdOf('AWS::S3::Bucket', { LoggingConfiguration: Match.absent() });
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logBucketId }, LogFilePrefix: 'mail-bucket/' },
      VersioningConfiguration: Match.absent(),
    });
    // Both buckets refuse plain HTTP.
    const denyHttp = Match.objectLike({
      Effect: 'Deny',
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    template.resourcePropertiesCountIs('AWS::S3::BucketPolicy', { PolicyDocument: { Statement: Match.arrayWith([denyHttp]) } }, 2);
  });

  it('expires raw mail and attachments after retentionDays, quarantined mail after 30 days', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'inbound/', ExpirationInDays: 1095, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'attachments/', ExpirationInDays: 1095, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'quarantine/', ExpirationInDays: 30, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('lets SES put objects under inbound/ only from this account and this receipt rule', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowSesInboundDelivery',
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, '/inbound/*']] },
            Condition: {
              StringEquals: {
                'aws:SourceAccount': { Ref: 'AWS::AccountId' },
                'aws:SourceArn': {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      ':ses:',
                      { Ref: 'AWS::Region' },
                      ':',
                      { Ref: 'AWS::AccountId' },
                      ':receipt-rule-set/complaints:receipt-rule/complaints-inbound',
                    ],
                  ],
                },
              },
            },
          },
        ]),
      },
    });
    // No other statement grants SES anything on the bucket (aws-ses-actions.S3 would add one without SourceArn).
    const sesStatements = Object.values(resources('AWS::S3::BucketPolicy'))
      .flatMap((policy) => (policy.Properties['PolicyDocument'] as { Statement: Array<{ Principal?: unknown }> }).Statement)
      .filter((statement) => JSON.stringify(statement.Principal ?? '').includes('ses.amazonaws.com'));
    expect(sesStatements).toHaveLength(1);
  });
});

describe('table', () => {
  it('is on-demand with point-in-time recovery, TTL and the keys and indexes of TABLE_KEYS', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.timeToLive, Enabled: true },
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_KEYS.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('queues', () => {
  it('redrives the scheduler queue to its DLQ after 5 receives', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulerDlq'), 'Arn'] }, maxReceiveCount: 5 },
      VisibilityTimeout: 360,
      SqsManagedSseEnabled: true,
    });
  });

  it('hides a received job for at least six times the timeout of the function it triggers', () => {
    const mapping = onlyOne(Object.values(resources('AWS::Lambda::EventSourceMapping')));
    const queueId = (mapping.Properties['EventSourceArn'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const functionId = (mapping.Properties['FunctionName'] as { Ref: string }).Ref;
    const visibility = resources('AWS::SQS::Queue')[queueId]?.Properties['VisibilityTimeout'];
    const timeout = resources('AWS::Lambda::Function')[functionId]?.Properties['Timeout'];
    expect(functionId).toBe(handlerFunction('Scheduler').id);
    expect(typeof visibility === 'number' && typeof timeout === 'number').toBe(true);
    expect(visibility as number).toBeGreaterThanOrEqual(6 * (timeout as number));
  });

  it('encrypts every queue and refuses plain HTTP on each', () => {
    template.resourceCountIs('AWS::SQS::Queue', 4);
    template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.resourcePropertiesCountIs(
      'AWS::SQS::QueuePolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
      4,
    );
  });

  it('sends failed async invocations of the inbound function to the inbound-failures queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: handlerFunction('Inbound').id },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^InboundFailures'), 'Arn'] } },
      },
    });
  });
});

describe('functions', () => {
  const handlerFunctions = (): Resources =>
    template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } }) as Resources;
  const common = [
    RUNTIME_ENV.tableName,
    RUNTIME_ENV.mailBucket,
    RUNTIME_ENV.inboundPrefix,
    RUNTIME_ENV.attachmentsPrefix,
    RUNTIME_ENV.lettersPrefix,
    RUNTIME_ENV.schedulerQueueUrl,
    RUNTIME_ENV.schedulerMaxDelaySeconds,
    RUNTIME_ENV.appConfig,
    RUNTIME_ENV.signingSecret,
    RUNTIME_ENV.sesConfigurationSet,
    'POWERTOOLS_SERVICE_NAME',
    'NODE_OPTIONS',
  ];

  it('runs the inbound, scheduler, feedback, report and ses-notifications handlers on nodejs22.x, arm64, traced, with their own log groups', () => {
    expect(Object.keys(handlerFunctions()).sort()).toEqual([
      handlerFunction('Feedback').id,
      handlerFunction('Inbound').id,
      handlerFunction('Report').id,
      handlerFunction('Scheduler').id,
      handlerFunction('SesNotifications').id,
    ].sort());
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
      },
      5,
    );
    expect(handlerFunction('Inbound').props).toMatchObject({ Timeout: 30, MemorySize: 512 });
    expect(handlerFunction('Scheduler').props).toMatchObject({ Timeout: 60, MemorySize: 512 });
    expect(handlerFunction('Feedback').props).toMatchObject({ Timeout: 10, MemorySize: 256, ReservedConcurrentExecutions: 10 });
    expect(handlerFunction('Report').props).toMatchObject({ Timeout: 300, MemorySize: 512 });
    expect(handlerFunction('SesNotifications').props).toMatchObject({ Timeout: 30, MemorySize: 256 });
    expect(handlerFunction('Inbound').props).not.toHaveProperty('ReservedConcurrentExecutions');
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('passes each function the variables its handler reads, with the validated app config as JSON', () => {
    expect(Object.keys(handlerFunction('Inbound').env).sort()).toEqual([...common].sort());
    expect(Object.keys(handlerFunction('Scheduler').env).sort()).toEqual([...common, RUNTIME_ENV.feedbackBaseUrl].sort());
    expect(Object.keys(handlerFunction('Feedback').env).sort()).toEqual([...common].sort());
    // The report reads the table and the app config only: no queue, no bucket, no signing key.
    expect(Object.keys(handlerFunction('Report').env).sort()).toEqual([RUNTIME_ENV.tableName, RUNTIME_ENV.appConfig, RUNTIME_ENV.sesConfigurationSet, 'POWERTOOLS_SERVICE_NAME', 'NODE_OPTIONS'].sort());
    // Bounces and complaints: the table and the app config (retention) only.
    expect(Object.keys(handlerFunction('SesNotifications').env).sort()).toEqual([RUNTIME_ENV.tableName, RUNTIME_ENV.appConfig, 'POWERTOOLS_SERVICE_NAME', 'NODE_OPTIONS'].sort());
    // Every sending function names the stack's configuration set, so SES reports its bounces and complaints.
    const configurationSet = { Ref: logicalIdOf('AWS::SES::ConfigurationSet') };
    for (const name of ['Inbound', 'Scheduler', 'Feedback', 'Report']) expect(handlerFunction(name).env[RUNTIME_ENV.sesConfigurationSet]).toEqual(configurationSet);
    expect(parseAppConfig(JSON.parse(handlerFunction('Report').env[RUNTIME_ENV.appConfig] as string), 'COMPLAINTS_CONFIG').patterns).toMatchObject({ repeatWindow: 'P90D', window: 'P1D' });
    for (const name of ['Inbound', 'Scheduler', 'Feedback']) {
      const variables = handlerFunction(name).env;
      expect(variables[RUNTIME_ENV.inboundPrefix]).toBe('inbound/');
      expect(variables[RUNTIME_ENV.attachmentsPrefix]).toBe('attachments/');
      expect(variables[RUNTIME_ENV.schedulerMaxDelaySeconds]).toBe('900');
      expect(variables['NODE_OPTIONS']).toBe('--enable-source-maps');
      // What the handlers will do at cold start: parse it with the runtime schema.
      const appConfig = parseAppConfig(JSON.parse(variables[RUNTIME_ENV.appConfig] as string), 'COMPLAINTS_CONFIG');
      expect(appConfig.complaintAddress).toBe('complaints@example.com');
      expect(JSON.parse(variables[RUNTIME_ENV.appConfig] as string)).not.toHaveProperty('domain');
    }
  });

  it("satisfies the real handlers' settings readers once CloudFormation has filled in the references", () => {
    // Deploy-time values (names, URLs, the key) stand in as plausible strings; literals are taken as they are.
    const deployed = (env: Record<string, unknown>): NodeJS.ProcessEnv =>
      Object.fromEntries(
        Object.entries(env).map(([key, value]) => [
          key,
          typeof value === 'string' ? value : key === RUNTIME_ENV.signingSecret ? 'k'.repeat(48) : `https://deployed.example/${key}`,
        ]),
      );
    for (const name of ['Inbound', 'Scheduler', 'Feedback']) {
      const settings = runtimeSettings(deployed(handlerFunction(name).env));
      expect(settings.schedulerMaxDelaySeconds).toBe(900);
    }
    // scheduler.ts builds links from FEEDBACK_BASE_URL; every function verifies or makes signed tokens.
    expect(() => new URL(feedbackSettings(deployed(handlerFunction('Scheduler').env)).baseUrl)).not.toThrow();
    for (const name of ['Inbound', 'Scheduler', 'Feedback']) expect(signingSecret(deployed(handlerFunction(name).env))).toHaveLength(48);
    // report.ts wires itself from TABLE_NAME and COMPLAINTS_CONFIG alone.
    const clock = { now: () => new Date('2026-12-01T06:00:00Z') };
    expect(wireReport(clock, deployed(handlerFunction('Report').env)).config.managersAddress).toBe(built.config.managersAddress);
    expect(reportRequest({ 'detail-type': 'Scheduled Event', time: '2026-12-01T06:00:00Z' }, clock)).toEqual({ at: '2026-12-01T06:00:00.000Z' });
  });

  it('feeds the scheduler from its queue in batches of 10 with partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulerQueue'), 'Arn'] },
      FunctionName: { Ref: handlerFunction('Scheduler').id },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('bundles each handler locally with esbuild as minified ESM with a createRequire banner and a source map', () => {
    for (const fn of [built.stack.inboundFunction, built.stack.schedulerFunction, built.stack.feedbackFunction, built.stack.reportFunction]) {
      const asset = fn.node.tryFindChild('Code') as Asset | undefined;
      expect(asset, 'function code asset').toBeDefined();
      const dir = join(built.app.outdir, asset?.assetPath ?? '');
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);")).toBe(true);
      expect(code).toMatch(/export\s*\{/);
      expect(code).toContain('//# sourceMappingURL=index.mjs.map');
      expect(readFileSync(join(dir, 'index.mjs.map'), 'utf8')).toContain('"mappings"');
    }
  });

  it('produces a bundle plain Node loads as ESM, CommonJS dependencies included', () => {
    const asset = built.stack.inboundFunction.node.tryFindChild('Code') as Asset;
    const bundle = join(built.app.outdir, asset.assetPath, 'index.mjs');
    // A separate Node process: inside vitest a global `require` exists and would hide a missing banner.
    const runner = join(built.app.outdir, 'run-bundle.mjs');
    writeFileSync(
      runner,
      `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});\n` +
        'console.log(JSON.stringify(await handler({ probe: 1 })));\n',
    );
    const output = execFileSync(process.execPath, [runner], { encoding: 'utf8' });
    expect(JSON.parse(output)).toMatchObject({ ok: true, command: 'stub', event: { probe: 1 } });
    // iconv-lite travels beside the bundle (its CJK tables load from files, only when needed).
    expect(existsSync(join(built.app.outdir, asset.assetPath, 'node_modules', 'iconv-lite', 'package.json'))).toBe(true);
  });
});

describe('monthly report', () => {
  it('runs the report function at 06:00 UTC on the 1st of every month', () => {
    const rule = onlyOne(Object.values(resources('AWS::Events::Rule')));
    expect(rule.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 6 1 * ? *)',
      State: 'ENABLED',
      Targets: [{ Arn: { 'Fn::GetAtt': [handlerFunction('Report').id, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 6 * 3600 } }],
    });
  });

  it('lets only that rule invoke it', () => {
    const permissions = Object.values(resources('AWS::Lambda::Permission')).filter((p) => p.Properties['Principal'] === 'events.amazonaws.com');
    expect(onlyOne(permissions).Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [handlerFunction('Report').id, 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [logicalIdOf('AWS::Events::Rule'), 'Arn'] },
    });
  });
});

describe('feedback page', () => {
  it('is a public Function URL (auth NONE, buffered, no CORS) on the feedback function', () => {
    template.resourceCountIs('AWS::Lambda::Url', 1);
    const url = onlyOne(Object.values(resources('AWS::Lambda::Url')));
    expect(url.Properties).toEqual({
      AuthType: 'NONE',
      InvokeMode: 'BUFFERED',
      TargetFunctionArn: { 'Fn::GetAtt': [handlerFunction('Feedback').id, 'Arn'] },
    });
  });

  it('lets anyone invoke it through the URL only (both permissions Function URLs need since October 2025)', () => {
    const fnArn = { 'Fn::GetAtt': [handlerFunction('Feedback').id, 'Arn'] };
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunctionUrl',
      FunctionName: fnArn,
      FunctionUrlAuthType: 'NONE',
      Principal: '*',
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: fnArn,
      InvokedViaFunctionUrl: true,
      Principal: '*',
    });
    // Nothing else is public: the only other permission is SES invoking the inbound function.
    const publicPermissions = Object.values(resources('AWS::Lambda::Permission')).filter((p) => p.Properties['Principal'] === '*');
    expect(publicPermissions).toHaveLength(2);
    for (const permission of publicPermissions) expect(permission.Properties['FunctionName']).toEqual(fnArn);
  });

  it('hands the scheduler the page URL (Function URL + "feedback") to put in e-mailed links, and outputs it', () => {
    const pageUrl = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalIdOf('AWS::Lambda::Url'), 'FunctionUrl'] }, 'feedback']] };
    expect(handlerFunction('Scheduler').env[RUNTIME_ENV.feedbackBaseUrl]).toEqual(pageUrl);
    template.hasOutput('FeedbackUrl', { Value: pageUrl });
  });
});

describe('feedback signing key', () => {
  it('is generated by CloudFormation in Secrets Manager: 48 characters, no punctuation', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true },
      SecretString: Match.absent(),
    });
  });

  it('reaches every function as a dynamic reference, never as a value', () => {
    const secretId = logicalIdOf('AWS::SecretsManager::Secret');
    const dynamicReference = { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] };
    for (const name of ['Inbound', 'Scheduler', 'Feedback']) expect(handlerFunction(name).env[RUNTIME_ENV.signingSecret]).toEqual(dynamicReference);
    // CloudFormation resolves it at deploy time, so no function role needs to read the secret.
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).not.toContain('secretsmanager:');
  });
});

describe('outputs', () => {
  it('names everything the operator CLI reads from the environment', () => {
    const ref = (prefix: string) => ({ Ref: Match.stringLikeRegexp(`^${prefix}`) });
    template.hasOutput('TableName', { Value: ref('Table') });
    template.hasOutput('MailBucketName', { Value: ref('MailBucket') });
    template.hasOutput('SchedulerQueueUrl', { Value: ref('SchedulerQueue') });
    template.hasOutput('SchedulerDlqUrl', { Value: ref('SchedulerDlq') });
    template.hasOutput('InboundFailuresQueueUrl', { Value: ref('InboundFailures') });
    template.hasOutput('Region', { Value: { Ref: 'AWS::Region' } });
    template.hasOutput('FeedbackUrl', { Value: Match.anyValue() });
  });
});

describe('least-privilege IAM', () => {
  type Statement = { Sid?: string; Action: string | string[]; Resource: unknown };
  const statementsOf = (rolePrefix: string): Statement[] => {
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp(`^${rolePrefix}Role`) }] },
    }) as Resources;
    return Object.values(policies).flatMap(
      (policy) => (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement,
    );
  };
  const actions = (statements: Statement[]): string[] => statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
  const resourceFor = (statements: Statement[], action: string): string =>
    JSON.stringify(statements.filter((s) => actions([s]).includes(action)).map((s) => s.Resource));

  it('gives the inbound function exactly the S3, SES and SQS access it needs', () => {
    const inbound = statementsOf('Inbound');
    expect(resourceFor(inbound, 's3:GetObject')).toMatch(/\/inbound\/\*/);
    expect(resourceFor(inbound, 's3:GetObject')).not.toMatch(/attachments/);
    expect(resourceFor(inbound, 's3:PutObject')).toMatch(/\/attachments\/\*/);
    expect(resourceFor(inbound, 's3:PutObject')).not.toMatch(/inbound/);
    // Deleting is only the second half of moving infected mail to quarantine/.
    expect(resourceFor(inbound, 's3:DeleteObject')).toMatch(/\/inbound\/\*/);
    expect(resourceFor(inbound, 's3:DeleteObject')).not.toMatch(/attachments|quarantine/);
    expect(resourceFor(inbound, 's3:PutObjectTagging')).toMatch(/\/quarantine\/\*/);
    // The domain identity the stack creates (its Ref is the domain name).
    expect(resourceFor(inbound, 'ses:SendRawEmail')).toMatch(/:identity\/","?\{"Ref":"DomainIdentity/);
    expect(resourceFor(inbound, 'ses:SendRawEmail')).toMatch(/:configuration-set\//);
    expect(resourceFor(inbound, 'sqs:SendMessage')).toMatch(/SchedulerQueue/);
    expect(actions(inbound)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']));
    expect(actions(inbound).filter((action) => action.endsWith('*'))).toEqual([]);
  });

  it('gives the scheduler queue consumption, table access, sending, and S3 writes under letters/ only', () => {
    const scheduler = statementsOf('Scheduler');
    expect(actions(scheduler)).toEqual(
      expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:SendMessage', 'ses:SendRawEmail', 'dynamodb:PutItem', 'dynamodb:Query']),
    );
    expect(resourceFor(scheduler, 'sqs:SendMessage')).toMatch(/SchedulerQueue/);
    expect(resourceFor(scheduler, 'ses:SendRawEmail')).toMatch(/:identity\/","?\{"Ref":"DomainIdentity/);
    expect(actions(scheduler).filter((action) => action.startsWith('s3:'))).toEqual(['s3:PutObject']);
    expect(resourceFor(scheduler, 's3:PutObject')).toMatch(/letters\/\*/);
  });

  it('lets the public feedback function use the table, enqueue the thank-you and alert managers, nothing more', () => {
    const feedback = statementsOf('Feedback');
    expect(actions(feedback)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:UpdateItem', 'sqs:SendMessage', 'ses:SendRawEmail']));
    expect(resourceFor(feedback, 'sqs:SendMessage')).toMatch(/SchedulerQueue/);
    expect(resourceFor(feedback, 'ses:SendRawEmail')).toMatch(/:identity\/","?\{"Ref":"DomainIdentity/);
    expect(actions(feedback).filter((action) => action.startsWith('s3:'))).toEqual([]);
    expect(actions(feedback)).not.toContain('sqs:ReceiveMessage');
    expect(actions(feedback).filter((action) => action.endsWith('*'))).toEqual([]);
  });

  it('lets the report function query the table, claim and record its email and send it, nothing more', () => {
    const report = statementsOf('Report');
    const table = actions(report).filter((action) => action.startsWith('dynamodb:')).sort();
    expect(table).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    // The status index is where it reads from.
    expect(resourceFor(report, 'dynamodb:Query')).toMatch(/\/index\/\*/);
    expect(resourceFor(report, 'ses:SendRawEmail')).toMatch(/:identity\/","?\{"Ref":"DomainIdentity/);
    expect(actions(report).filter((action) => action.startsWith('s3:') || action.startsWith('sqs:'))).toEqual([]);
    expect(actions(report).filter((action) => action.endsWith('*'))).toEqual([]);
  });

  it('uses no AWS managed policies (own log groups instead of AWSLambdaBasicExecutionRole)', () => {
    template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });
});

describe('SES bounces and complaints', () => {
  it('publishes bounces and complaints of the configuration set to an HTTPS-only topic that only that set may publish to', () => {
    const topicId = logicalIdOf('AWS::SNS::Topic', { DisplayName: Match.stringLikeRegexp('bounces and complaints') });
    const configurationSetId = logicalIdOf('AWS::SES::ConfigurationSet');
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSetId },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['bounce', 'complaint']),
        SnsDestination: { TopicARN: { Ref: topicId } },
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'ses.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceAccount': Match.anyValue(), 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('subscribes the ses-notifications function, which only this topic may invoke', () => {
    const topicId = logicalIdOf('AWS::SNS::Topic', { DisplayName: Match.stringLikeRegexp('bounces and complaints') });
    const fn = handlerFunction('SesNotifications');
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', TopicArn: { Ref: topicId }, Endpoint: { 'Fn::GetAtt': [fn.id, 'Arn'] } });
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com', SourceArn: { Ref: topicId }, FunctionName: { 'Fn::GetAtt': [fn.id, 'Arn'] } });
  });

  it('sends failed notifications to their own queue with the reason, and raises an alarm', () => {
    const fn = handlerFunction('SesNotifications');
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn.id },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SesNotificationFailures'), 'Arn'] } } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SesNotificationFailures'), 'QueueName'] } }],
      Threshold: 1,
    });
  });

  it('lets the function get and put table items and send to its failure queue, nothing else (no SES, S3, deletes)', () => {
    const fn = handlerFunction('SesNotifications');
    const roleId = (fn.props['Role'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const policies = Object.values(resources('AWS::IAM::Policy')).filter((policy) => (policy.Properties['Roles'] as Array<{ Ref: string }>).some((role) => role.Ref === roleId));
    const actions = policies.flatMap((policy) => (policy.Properties['PolicyDocument'] as { Statement: Array<{ Action: string | string[] }> }).Statement.flatMap((statement) => [statement.Action].flat()));
    const tableActions = actions.filter((action) => action.startsWith('dynamodb:')).sort();
    expect(tableActions).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    // What remains: writing its logs, tracing, and the on-failure destination (CDK's grantSendMessages).
    expect(actions.filter((action) => !action.startsWith('dynamodb:') && !action.startsWith('logs:') && !action.startsWith('xray:')).sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
  });
});
