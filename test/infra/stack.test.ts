import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUNTIME_ENV, TABLE_KEYS } from '#adapters/table-schema';
import { parseAppConfig } from '#config/app-config';
import type { BuiltApp } from '../../infra/stack/build.ts';
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

describe('SES receiving', () => {
  it('stores the mail in S3 under inbound/ and then invokes the inbound function asynchronously', () => {
    const bucketId = logicalIdOf('AWS::S3::Bucket', { LoggingConfiguration: Match.anyValue() });
    const inboundId = logicalIdOf('AWS::Lambda::Function', { Timeout: 30, Runtime: 'nodejs22.x' });
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

  it('expires raw mail and attachments after retentionDays', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'inbound/', ExpirationInDays: 1095, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'attachments/', ExpirationInDays: 1095, Status: 'Enabled' }),
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

  it('encrypts every queue and refuses plain HTTP on each', () => {
    template.resourceCountIs('AWS::SQS::Queue', 3);
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
      3,
    );
  });

  it('sends failed async invocations of the inbound function to the inbound-failures queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalIdOf('AWS::Lambda::Function', { Timeout: 30, Runtime: 'nodejs22.x' }) },
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

  it('runs the inbound and scheduler handlers on nodejs22.x, arm64, 512 MB, traced, with their own log groups', () => {
    expect(Object.keys(handlerFunctions())).toHaveLength(2);
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
      },
      2,
    );
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Timeout: 30 });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('passes the runtime environment named in RUNTIME_ENV, with the validated app config as JSON', () => {
    for (const fn of Object.values(handlerFunctions())) {
      const variables = (fn.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(variables).sort()).toEqual(
        [...Object.values(RUNTIME_ENV), 'POWERTOOLS_SERVICE_NAME', 'NODE_OPTIONS'].sort(),
      );
      expect(variables[RUNTIME_ENV.inboundPrefix]).toBe('inbound/');
      expect(variables[RUNTIME_ENV.attachmentsPrefix]).toBe('attachments/');
      expect(variables['NODE_OPTIONS']).toBe('--enable-source-maps');
      // What the handlers will do at cold start: parse it with the runtime schema.
      const appConfig = parseAppConfig(JSON.parse(variables[RUNTIME_ENV.appConfig] as string), 'COMPLAINTS_CONFIG');
      expect(appConfig.complaintAddress).toBe('complaints@example.com');
      expect(JSON.parse(variables[RUNTIME_ENV.appConfig] as string)).not.toHaveProperty('domain');
    }
  });

  it('feeds the scheduler from its queue in batches of 10 with partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulerQueue'), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('bundles each handler locally with esbuild as minified ESM with a createRequire banner and a source map', () => {
    for (const fn of [built.stack.inboundFunction, built.stack.schedulerFunction]) {
      const asset = fn?.node.tryFindChild('Code') as Asset | undefined;
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
    expect(actions(inbound)).not.toContain('s3:DeleteObject');
    // The domain identity the stack creates (its Ref is the domain name).
    expect(resourceFor(inbound, 'ses:SendRawEmail')).toMatch(/:identity\/","?\{"Ref":"DomainIdentity/);
    expect(resourceFor(inbound, 'ses:SendRawEmail')).toMatch(/:configuration-set\//);
    expect(resourceFor(inbound, 'sqs:SendMessage')).toMatch(/SchedulerQueue/);
    expect(actions(inbound)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']));
    expect(actions(inbound).filter((action) => action.endsWith('*'))).toEqual([]);
  });

  it('gives the scheduler queue consumption, table access and sending, but no raw mail', () => {
    const scheduler = statementsOf('Scheduler');
    expect(actions(scheduler)).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:SendMessage', 'ses:SendRawEmail']));
    expect(resourceFor(scheduler, 's3:GetObject')).not.toMatch(/inbound/);
    expect(actions(scheduler)).not.toContain('s3:PutObject');
  });

  it('uses no AWS managed policies (own log groups instead of AWSLambdaBasicExecutionRole)', () => {
    template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });
});
