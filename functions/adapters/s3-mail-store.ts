import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { MailStore, RawMail } from '#workflows/ports';

export class S3MailStore implements MailStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async rawSize(key: string): Promise<number> {
    const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    return head.ContentLength ?? 0;
  }

  async getRaw(key: string): Promise<RawMail> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!object.Body) throw new Error(`s3://${this.bucket}/${key} has no body`);
    const content = Buffer.from(await object.Body.transformToByteArray());
    return { content, size: content.length };
  }

  async putAttachment(key: string, content: Buffer, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: content, ContentType: contentType }));
  }
}

// ---- Personal data: listing, reading and deleting one person's objects (workflows/privacy.ts) ---------

export interface StoredObject {
  key: string;
  size: number;
}

/** The mail bucket seen object by object, for export and erasure. Every call is idempotent. */
export class S3PersonalObjects {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async list(prefix: string): Promise<StoredObject[]> {
    const objects: StoredObject[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken }));
      for (const object of page.Contents ?? []) if (object.Key) objects.push({ key: object.Key, size: object.Size ?? 0 });
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return objects;
  }

  async get(key: string): Promise<{ content: Buffer; contentType?: string }> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!object.Body) throw new Error(`s3://${this.bucket}/${key} has no body`);
    return { content: Buffer.from(await object.Body.transformToByteArray()), contentType: object.ContentType };
  }

  /** Deleting a key that is already gone succeeds, so a rerun after a crash repeats nothing harmful. */
  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
