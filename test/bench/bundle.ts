import { build, type BuildOptions } from 'esbuild';
import { dirname } from 'node:path';
import { lambdaBuildOptions, shipPackages } from '../../infra/stack/bundling.ts';

/** The bundling the CDK stack's NodejsFunction applies, so the bench measures what Lambda runs. */
export const LAMBDA_BUNDLE_OPTIONS: BuildOptions = lambdaBuildOptions(process.cwd());

export async function bundleEntry(entry: string, outfile: string, extra: Partial<BuildOptions> = {}): Promise<number> {
  const result = await build({ ...LAMBDA_BUNDLE_OPTIONS, ...extra, entryPoints: [entry], outfile, metafile: true });
  shipPackages(process.cwd(), dirname(outfile));
  const output = result.metafile.outputs[Object.keys(result.metafile.outputs).find((name) => name.endsWith('.mjs') || name.endsWith('.js'))!];
  return output?.bytes ?? 0;
}
