import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normaliseAddress } from '#core/suppression';
import type { AutoReplyLog } from '#workflows/ports';

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
    const Key = { pk: `AUTOREPLY#${address}`, sk: input.windowStart };
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key,
          UpdateExpression: 'ADD #count :one, counted :key SET itemType = :type, address = :address, windowStart = :start, expiresAt = if_not_exists(expiresAt, :expires)',
          ConditionExpression: 'NOT contains(counted, :keyValue) AND (attribute_not_exists(#count) OR #count < :cap)',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':key': new Set([input.emailKey]),
            ':keyValue': input.emailKey,
            ':cap': input.cap,
            ':type': 'auto-reply-count',
            ':address': address,
            ':start': input.windowStart,
            ':expires': input.expiresAt,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return { result: 'counted', count: Number(Attributes?.count ?? 0) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key, ConsistentRead: true }));
      const counted = Item?.counted instanceof Set ? (Item.counted as Set<string>) : new Set<string>();
      return { result: counted.has(input.emailKey) ? 'already-counted' : 'over-cap', count: Number(Item?.count ?? 0) };
    }
  }
}
