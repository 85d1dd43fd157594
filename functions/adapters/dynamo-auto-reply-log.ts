import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normaliseAddress } from '#core/suppression';
import type { AutoReplyLog } from '#workflows/ports';
import { countOnce } from './dynamo-count-once.ts';

/**
 * AUTOREPLY#<address> / <window start>: how many automatic replies went to one address in one window.
 * One conditional update adds the email's key to the counted set and the count together, and only
 * while the count is under the cap, so concurrent replies cannot overshoot and a retry of the same
 * email never takes a second slot.
 */
export class DynamoAutoReplyLog implements AutoReplyLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async take(input: { address: string; windowStart: string; emailKey: string; cap: number; expiresAt: number }): Promise<{ result: 'counted' | 'already-counted' | 'over-cap'; count: number }> {
    const address = normaliseAddress(input.address);
    const { outcome, count } = await countOnce(this.db, this.table, {
      key: { pk: `AUTOREPLY#${address}`, sk: input.windowStart },
      member: input.emailKey,
      attributes: { itemType: 'auto-reply-count', address, windowStart: input.windowStart },
      expiresAt: input.expiresAt,
      cap: input.cap,
    });
    return { result: outcome, count };
  }
}
