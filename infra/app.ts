/**
 * CDK entry point (cdk.json "app": "npx tsx infra/app.ts").
 *
 * Deploy configuration: cdk.json context "complaints" (validated by infra/stack/deploy-config.ts).
 * Optional context: -c handlersDir=<dir> (default functions/handlers).
 * The stack is environment-agnostic unless CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION are set.
 *
 * `npx tsx infra/app.ts --print-runtime-config` prints the validated runtime configuration (what the
 * functions get in COMPLAINTS_CONFIG) as one line of JSON and synthesizes nothing.
 */
import { App } from 'aws-cdk-lib';
import { ConfigError } from '#config/app-config';
import { runApp, runtimeConfigJson } from './stack/build.ts';

function printRuntimeConfig(): number {
  try {
    console.log(runtimeConfigJson());
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

function synth(): number {
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = process.env.CDK_DEFAULT_REGION;
  return runApp({
    app: new App(),
    ...(account || region ? { env: { ...(account ? { account } : {}), ...(region ? { region } : {}) } } : {}),
  });
}

const exitCode = process.argv.includes('--print-runtime-config') ? printRuntimeConfig() : synth();
// Only ever raise it: a failed policy validation (cdk-nag) sets process.exitCode itself.
if (exitCode !== 0) process.exitCode = exitCode;
