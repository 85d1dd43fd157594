/**
 * CDK entry point (cdk.json "app": "npx tsx infra/app.ts").
 *
 * Deploy configuration: cdk.json context "complaints" (validated by infra/stack/deploy-config.ts).
 * Optional context: -c handlersDir=<dir> (default functions/handlers).
 * The stack is environment-agnostic unless CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION are set.
 */
import { App } from 'aws-cdk-lib';
import { runApp } from './stack/build.ts';

const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

const exitCode = runApp({
  app: new App(),
  ...(account || region ? { env: { ...(account ? { account } : {}), ...(region ? { region } : {}) } } : {}),
});
// Only ever raise it: a failed policy validation (cdk-nag) sets process.exitCode itself.
if (exitCode !== 0) process.exitCode = exitCode;
