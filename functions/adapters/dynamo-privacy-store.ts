import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ItemKey, PrivacyStore, StoredItem } from '#workflows/privacy';
import { conditionalUpdate, customerKey, senderKey, type ConditionalUpdateInput } from './dynamo-complaint-store.ts';

/**
 * The table read and written item by item for export and erasure (workflows/privacy.ts). Every
 * lookup goes through a key or an index (no Scan); every write is conditional or idempotent, so a
 * rerun after a crash repeats nothing harmful. Addresses in keys are lower case (table-schema.ts).
 */
export class DynamoPrivacyStore implements PrivacyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  complaintRecordsOf(address: string): Promise<StoredItem[]> {
    return this.queryAll({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': customerKey(address) } });
  }

  inboundFrom(address: string, since?: string): Promise<StoredItem[]> {
    // gsi2sk is "<receivedAt>#<ses id>", so ">= since" keeps what arrived from that instant on.
    return since
      ? this.queryAll({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :since', ExpressionAttributeValues: { ':pk': senderKey(address), ':since': since } })
      : this.queryAll({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': senderKey(address) } });
  }

  itemsUnder(pk: string): Promise<StoredItem[]> {
    return this.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
  }

  patternsOfWindow(windowStart: string): Promise<StoredItem[]> {
    return this.queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :start)',
      ExpressionAttributeValues: { ':pk': 'PATTERN', ':start': `${windowStart}#` },
    });
  }

  async get(key: ItemKey): Promise<StoredItem | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
    return Item;
  }

  async delete(key: ItemKey, onlyIf?: { attribute: string; equals: string }): Promise<boolean> {
    try {
      const { Attributes } = await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: key,
          ReturnValues: 'ALL_OLD',
          ...(onlyIf ? { ConditionExpression: '#attribute = :value', ExpressionAttributeNames: { '#attribute': onlyIf.attribute }, ExpressionAttributeValues: { ':value': onlyIf.equals } } : {}),
        }),
      );
      return Attributes !== undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async uncount(key: ItemKey, reference: string): Promise<boolean> {
    // The exact inverse of countInWindow's update, guarded the same way: a reference leaves the set and the count once.
    return this.conditionalUpdate({
      Key: key,
      UpdateExpression: 'ADD #count :minusOne DELETE counted :reference',
      ConditionExpression: 'contains(counted, :referenceValue)',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':minusOne': -1, ':reference': new Set([reference]), ':referenceValue': reference },
    });
  }

  async replaceAttribute(key: ItemKey, attribute: string, from: string, to: string): Promise<boolean> {
    return this.conditionalUpdate({
      Key: key,
      UpdateExpression: 'SET #attribute = :to',
      ConditionExpression: '#attribute = :from',
      ExpressionAttributeNames: { '#attribute': attribute },
      ExpressionAttributeValues: { ':from': from, ':to': to },
    });
  }

  async put(item: StoredItem): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: item }));
  }

  private conditionalUpdate(input: ConditionalUpdateInput): Promise<boolean> {
    return conditionalUpdate(this.db, this.table, input);
  }

  private async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>): Promise<StoredItem[]> {
    const items: StoredItem[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, TableName: this.table, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}
