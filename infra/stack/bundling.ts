import type { BuildOptions } from 'esbuild';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How every Lambda is bundled (the CDK stack and `npm run bench` share this, so the bench measures
 * what Lambda runs). The AWS SDK comes with the runtime. iconv-lite is shipped beside the bundle
 * instead of inside it: its CJK code tables are ~400 KB that only a Chinese, Japanese or Korean
 * charset ever loads, and loaded from files they cost nothing until then.
 */
export const LAMBDA_EXTERNAL_MODULES = ['@aws-sdk/*', 'iconv-lite'] as const;

/** Packages copied into the function's node_modules, from where the bundled code resolves them. */
export const SHIPPED_PACKAGES = [
  // The copy mailparser's libmime depends on (the top-level one belongs to build tools).
  { name: 'iconv-lite', from: 'node_modules/libmime/node_modules/iconv-lite' },
  { name: 'safer-buffer', from: 'node_modules/safer-buffer' },
] as const;

/**
 * mailparser imports libmime's ES module build while @zone-eu/mailsplit requires its CommonJS build:
 * without the first alias both copies (~90 KB each) end up in every bundle. The second replaces `he`
 * (~85 KB of entity tables) with the one function mailparser calls (shims/he.ts).
 */
export function lambdaAliases(projectRoot: string): Record<string, string> {
  return {
    libmime: join(projectRoot, 'node_modules/libmime/dist/cjs/libmime.js'),
    he: join(projectRoot, 'infra/stack/shims/he.ts'),
  };
}

export const LAMBDA_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** The esbuild options NodejsFunction applies (for the bench and the tests that bundle a handler themselves). */
export function lambdaBuildOptions(projectRoot: string): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    sourcemap: false,
    external: [...LAMBDA_EXTERNAL_MODULES],
    banner: { js: LAMBDA_BANNER },
    alias: lambdaAliases(projectRoot),
    logLevel: 'silent',
  };
}

/** Copies the shipped packages next to a bundle in `outputDir`. */
export function shipPackages(projectRoot: string, outputDir: string): void {
  for (const pkg of SHIPPED_PACKAGES) {
    const source = join(projectRoot, pkg.from);
    if (!existsSync(source)) throw new Error(`${pkg.from} is missing: run npm install (the Lambda bundle ships ${pkg.name} beside it)`);
    cpSync(source, join(outputDir, 'node_modules', pkg.name), { recursive: true });
  }
}

/** The same copy as shell commands, for NodejsFunction's afterBundling hook (it runs in a shell). */
export function shipPackagesCommands(inputDir: string, outputDir: string): string[] {
  return SHIPPED_PACKAGES.flatMap((pkg) => [
    `mkdir -p "${outputDir}/node_modules/${pkg.name}"`,
    `cp -R "${inputDir}/${pkg.from}/." "${outputDir}/node_modules/${pkg.name}/"`,
  ]);
}
