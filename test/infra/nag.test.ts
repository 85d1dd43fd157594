import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildOptions, BuiltApp } from '../../infra/stack/build.ts';
import { ComplaintsChecks, nagPacks } from '../../infra/stack/nag.ts';
import { buildTestApp, exampleConfig } from './helpers.ts';

/**
 * cdk-nag 3 runs as a CDK policy-validation plugin: findings go to the validation report and fail synth;
 * they are not Annotations any more. So besides synthesizing with the plugins registered (as app.ts does),
 * these tests run the packs directly (validateScope), which also returns warnings. The packs are
 * AwsSolutions and the project's own "Complaints" pack (public Function URLs, SQS visibility timeout).
 */

interface Variant {
  readonly name: string;
  readonly config: Record<string, unknown>;
  readonly options: BuildOptions;
}

const VARIANTS: Variant[] = [
  { name: 'example config', config: exampleConfig(), options: {} },
  {
    name: 'alarm e-mail, existing identity, no tracing, no reserved concurrency, second key generation',
    config: {
      ...exampleConfig(),
      alarmEmail: 'ops@corp.example.com',
      manageEmailIdentity: false,
      tracing: false,
      feedbackReservedConcurrency: false,
      signingSecretGeneration: 2,
    },
    options: {},
  },
];

type Violation = { ruleName: string; severity: string; violatingResources: Array<{ constructPath: string }> };

function nagViolations(stack: Stack): Violation[] {
  return nagPacks().flatMap((pack) => pack.validateScope(stack).violations as Violation[]);
}

/** Every acknowledgement the stack recorded: construct path, rule id (without CDK's prefix), reason. */
function acknowledgements(stack: Stack): Array<{ path: string; id: string; reason: string }> {
  return stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

describe.each(VARIANTS)('cdk-nag AwsSolutions: $name', ({ config, options }) => {
  let built: BuiltApp;
  let unacknowledged: BuiltApp;

  beforeAll(() => {
    // Synthesis runs the registered plugin and would throw on any error-level finding.
    built = buildTestApp(config, { ...options, skipBundling: true });
    Template.fromStack(built.stack);
    // The same stack without acknowledgements and without the plugin (which would fail the synth).
    unacknowledged = buildTestApp(config, { ...options, skipBundling: true, nag: false, acknowledgeNagFindings: false });
    Template.fromStack(unacknowledged.stack);
  });

  it('has no unacknowledged errors or warnings', () => {
    const found = nagViolations(built.stack).map(
      (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(found).toEqual([]);
  });

  it('reports no AwsSolutions or Complaints annotations either', () => {
    const annotations = Annotations.fromStack(built.stack);
    expect(annotations.findError('*', Match.stringLikeRegexp('(AwsSolutions|Complaints)-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('(AwsSolutions|Complaints)-.*'))).toEqual([]);
  });

  it('acknowledges only findings that really occur, each with a specific reason', () => {
    const violations = nagViolations(unacknowledged.stack);
    const acks = acknowledgements(built.stack);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      const matching = violations.find(
        (v) =>
          v.ruleName === ack.id &&
          v.violatingResources.some((r) => r.constructPath === ack.path || r.constructPath.startsWith(`${ack.path}/`)),
      );
      expect(matching, `stale acknowledgement ${ack.id} on ${ack.path}`).toBeDefined();
      expect(ack.reason.length, `reason of ${ack.id} on ${ack.path}`).toBeGreaterThan(40);
    }
    // Without the acknowledgements the pack does find problems, i.e. it really ran on this stack.
    expect(violations.length).toBeGreaterThan(0);
  });
});

describe('cdk-nag registration', () => {
  it('fails synthesis when an unacknowledged finding appears, from either pack', () => {
    const { stack } = buildTestApp(exampleConfig(), { skipBundling: true, acknowledgeNagFindings: false });
    expect(() => Template.fromStack(stack)).toThrow(/AwsSolutions-[\s\S]*Complaints-LambdaFunctionUrlAuth|Complaints-LambdaFunctionUrlAuth[\s\S]*AwsSolutions-/);
  });

  it('the Complaints pack catches a queue that hides messages for less than six function timeouts', () => {
    const stack = new Stack(new App(), 'VisibilityProbe');
    const fn = new lambda.Function(stack, 'Fn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
      timeout: Duration.seconds(60),
    });
    const queue = new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(300) });
    fn.addEventSource(new SqsEventSource(queue));
    const found = new ComplaintsChecks().validateScope(stack).violations.map((v) => v.ruleName);
    expect(found).toEqual(['Complaints-LambdaEventSourceSQSVisibilityTimeout']);
  });
});
