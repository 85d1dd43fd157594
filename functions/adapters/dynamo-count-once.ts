import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface CountOnceInput {
  key: { pk: string; sk: string };
  /** What is counted (a reference, an email key): the item keeps the set of members already counted. */
  member: string;
  /** Plain attributes written alongside the count (itemType, the window, …). */
  attributes: Record<string, string | number>;
  expiresAt: number;
  /** Counts only while the count is below this. */
  cap?: number;
}

export type CountOnceResult = { outcome: 'counted' | 'already-counted' | 'over-cap'; count: number };

/**
 * Adds `member` to a counter item exactly once: one conditional update adds it to the counted set
 * and increments the count together, so a retry never counts twice and concurrent writers cannot
 * overshoot a cap.
 */
export async function countOnce(db: DynamoDBDocumentClient, table: string, input: CountOnceInput): Promise<CountOnceResult> {
  const names = Object.keys(input.attributes);
  const sets = names.map((_, index) => `#a${index} = :a${index}`);
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName: table,
        Key: input.key,
        UpdateExpression: `ADD #count :one, counted :member SET ${[...sets, 'expiresAt = if_not_exists(expiresAt, :expires)'].join(', ')}`,
        ConditionExpression: input.cap === undefined ? 'NOT contains(counted, :memberValue)' : 'NOT contains(counted, :memberValue) AND (attribute_not_exists(#count) OR #count < :cap)',
        ExpressionAttributeNames: { '#count': 'count', ...Object.fromEntries(names.map((name, index) => [`#a${index}`, name])) },
        ExpressionAttributeValues: {
          ':one': 1,
          ':member': new Set([input.member]),
          ':memberValue': input.member,
          ':expires': input.expiresAt,
          ...(input.cap === undefined ? {} : { ':cap': input.cap }),
          ...Object.fromEntries(names.map((name, index) => [`:a${index}`, input.attributes[name]])),
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return { outcome: 'counted', count: Number(Attributes?.count ?? 0) };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // Without a cap the condition fails only for a member already counted: no need to read the set.
    const { Item } = await db.send(
      new GetCommand({ TableName: table, Key: input.key, ConsistentRead: true, ProjectionExpression: input.cap === undefined ? '#count' : '#count, counted', ExpressionAttributeNames: { '#count': 'count' } }),
    );
    const count = Number(Item?.count ?? 0);
    if (input.cap === undefined) return { outcome: 'already-counted', count };
    const counted = Item?.counted instanceof Set ? (Item.counted as Set<string>) : new Set<string>();
    return { outcome: counted.has(input.member) ? 'already-counted' : 'over-cap', count };
  }
}
