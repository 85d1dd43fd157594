import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NoSuchKey, NotFound, PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import type { MailStore, RawMail } from '#workflows/ports';

/** Where infected raw mail is moved; a short S3 lifecycle rule empties it. */
export const QUARANTINE_PREFIX = 'quarantine/';

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

  /** A server-side copy then a delete: the object's bytes never pass through the function. */
  async quarantine(key: string): Promise<string> {
    const quarantineKey = `${QUARANTINE_PREFIX}${key}`;
    try {
      await this.s3.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: quarantineKey,
          CopySource: `${this.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
          Tagging: 'quarantine=virus',
          TaggingDirective: 'REPLACE',
        }),
      );
    } catch (error) {
      if (!isMissing(error) || !(await this.exists(quarantineKey))) throw error;
    }
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    return quarantineKey;
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof NoSuchKey || error instanceof NotFound || (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404));
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
