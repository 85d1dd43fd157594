import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normaliseAddress } from '#core/suppression';
import type { Suppression, SuppressionList } from '#workflows/ports';
import { fromItem } from './dynamo-complaint-store.ts';

/** gsi1 partition of the active suppressions: `complaints suppressed` is one Query, newest first. */
const ACTIVE_INDEX_KEY = 'SUPPRESSED';

/** SUPPRESS#<address> / SUPPRESS: the addresses SES told us (bounce, complaint) never to mail again. */
export class DynamoSuppressionList implements SuppressionList {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async suppress(suppression: Omit<Suppression, 'lifted'>, expiresAt: number): Promise<'suppressed' | 'lifted-since'> {
    const address = normaliseAddress(suppression.address);
    try {
      // A bounce older than an administrator's lift (SNS redelivering it, say) must not undo the lift.
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...suppressionKey(address), itemType: 'suppression', gsi1pk: ACTIVE_INDEX_KEY, gsi1sk: `${suppression.at}#${address}`, ...suppression, address, expiresAt },
          ConditionExpression: 'attribute_not_exists(lifted) OR lifted.#at < :at',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':at': suppression.at },
        }),
      );
      return 'suppressed';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'lifted-since';
      throw error;
    }
  }

  async get(address: string): Promise<Suppression | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: suppressionKey(normaliseAddress(address)), ConsistentRead: true }));
    return Item ? fromItem<Suppression>(Item) : undefined;
  }

  async activeAmong(addresses: readonly string[]): Promise<Suppression[]> {
    const unique = [...new Set(addresses.map(normaliseAddress))];
    const found = await Promise.all(unique.map((address) => this.get(address)));
    return found.filter((entry): entry is Suppression => entry !== undefined && entry.lifted === undefined);
  }

  async listActive(limit = 100): Promise<Suppression[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': ACTIVE_INDEX_KEY },
          ScanIndexForward: false,
          ExclusiveStartKey,
        }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && items.length < limit);
    return items.slice(0, limit).map((item) => fromItem<Suppression>(item));
  }

  async lift(address: string, lift: { at: string; by: string; reason: string }): Promise<'lifted' | 'not-suppressed'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: suppressionKey(normaliseAddress(address)),
          UpdateExpression: 'SET lifted = :lift REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(lifted)',
          ExpressionAttributeValues: { ':lift': lift },
        }),
      );
      return 'lifted';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'not-suppressed';
      throw error;
    }
  }
}

export function suppressionKey(address: string): { pk: string; sk: string } {
  return { pk: `SUPPRESS#${address}`, sk: 'SUPPRESS' };
}
