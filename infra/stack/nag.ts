import { createRequire } from 'node:module';
import { Validations, type CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type * as CdkNag from 'cdk-nag';

// cdk-nag is CommonJS and re-exports through __exportStar, which Node's ESM named-export detection does
// not fully see. Loading it with require behaves the same under tsx, node and vitest.
const require = createRequire(import.meta.url);
const nag = require('cdk-nag') as typeof CdkNag;

/**
 * cdk-nag 3 is a CDK policy-validation plugin (Validations.of(app).addPlugins), not an Aspect: findings
 * land in the validation report (and fail synth), not in Annotations. Suppressions are CDK
 * acknowledgements; a finding-level one is written 'AwsSolutions-IAM5[Resource::<Logical.Arn>/x/*]'.
 */
export const { AwsSolutionsChecks } = nag;

/** Rule ids of the project's own pack (see ComplaintsChecks). */
export const COMPLAINTS_PACK = 'Complaints';

/**
 * Two of cdk-nag's "additional rules" (in no pre-built pack) that AwsSolutions lacks and this stack
 * needs: a public Function URL must be a recorded decision, and an SQS-triggered function's queue
 * must hide messages for at least six function timeouts (otherwise a slow batch is delivered twice).
 */
export class ComplaintsChecks extends nag.NagPack {
  readonly name = COMPLAINTS_PACK;

  constructor(scope?: IConstruct) {
    super(scope);
    this.packName = COMPLAINTS_PACK;
  }

  protected checkResource(node: CfnResource): void {
    this.applyRule({
      info: 'The Lambda Function URL allows public, unauthenticated access (AuthType NONE).',
      explanation:
        'Anyone on the internet can invoke the function. Acknowledge only where the function authorises each request itself.',
      level: nag.NagMessageLevel.ERROR,
      rule: nag.rules.lambda.LambdaFunctionUrlAuth,
      node,
    });
    this.applyRule({
      info: "The SQS queue's visibility timeout is less than six times the timeout of the function it triggers.",
      explanation:
        'Lambda keeps polling while a batch runs; with a shorter visibility timeout a message can become visible again and be processed twice (AWS guidance: at least 6x the function timeout).',
      level: nag.NagMessageLevel.ERROR,
      rule: nag.rules.lambda.LambdaEventSourceSQSVisibilityTimeout,
      node,
    });
  }
}

/** The packs every synth runs (app.ts and the tests register the same list). */
export function nagPacks(scope?: IConstruct): Array<InstanceType<typeof nag.NagPack>> {
  return [new AwsSolutionsChecks(scope), new ComplaintsChecks(scope)];
}

export interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
}

/** Acknowledges (suppresses) the given findings on one construct and everything beneath it. */
export function acknowledge(construct: IConstruct, ...rules: Acknowledgement[]): void {
  for (const rule of rules) {
    if (rule.reason.trim().length < 20) throw new Error(`cdk-nag acknowledgement ${rule.id} needs a specific reason`);
    Validations.of(construct).acknowledge(rule);
  }
}
