import { createRequire } from 'node:module';
import { Validations } from 'aws-cdk-lib';
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
