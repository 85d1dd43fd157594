import S3rver from 's3rver';
import { mkdirSync } from 'node:fs';
import type { LocalService } from './dynamodb.ts';

/** S3's REST protocol on the file system (s3rver); clients need path-style addressing. */
export async function startS3(options: { port: number; host: string; directory: string; buckets: string[] }): Promise<LocalService> {
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: options.host,
    port: options.port,
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return { endpoint: `http://${options.host}:${port}`, stop: () => server.close() };
}
