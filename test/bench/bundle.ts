import { build, type BuildOptions } from 'esbuild';

/** The bundling the CDK stack's NodejsFunction applies, so the bench measures what Lambda runs. */
export const LAMBDA_BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: false,
  external: ['@aws-sdk/*'],
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  logLevel: 'silent',
};

export async function bundleEntry(entry: string, outfile: string, extra: Partial<BuildOptions> = {}): Promise<number> {
  const result = await build({ ...LAMBDA_BUNDLE_OPTIONS, ...extra, entryPoints: [entry], outfile, metafile: true });
  const output = result.metafile.outputs[Object.keys(result.metafile.outputs).find((name) => name.endsWith('.mjs') || name.endsWith('.js'))!];
  return output?.bytes ?? 0;
}
