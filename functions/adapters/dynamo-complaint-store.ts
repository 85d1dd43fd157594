import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { COMPLAINT_STATUSES, type Complaint, type Feedback, type Resolution, type TimelineEvent } from '#core/complaint';
import type { ComplaintStore, CreateResult, InboundRecord } from '#workflows/ports';

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'expiresAt', 'itemType'] as const;

export const complaintKey = (reference: string) => ({ pk: `C#${reference}`, sk: 'COMPLAINT' });

export class DynamoComplaintStore implements ComplaintStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getInbound(sesMessageId: string): Promise<InboundRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: `INBOUND#${sesMessageId}`, sk: 'INBOUND' }, ConsistentRead: true }));
    return Item ? (fromItem<InboundRecord>(Item)) : undefined;
  }

  async recordInbound(record: InboundRecord, expiresAt: number): Promise<void> {
    const screenedIndex = record.result.outcome === 'screened' ? { gsi1pk: 'SCREENED', gsi1sk: `${record.receivedAt}#${record.sesMessageId}` } : {};
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: `INBOUND#${record.sesMessageId}`, sk: 'INBOUND', itemType: 'inbound', ...screenedIndex, ...record, expiresAt },
      }),
    );
  }

  async createComplaint(complaint: Complaint, expiresAt: number): Promise<CreateResult> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...complaintKey(complaint.reference),
            itemType: 'complaint',
            gsi1pk: `STATUS#${complaint.status}`,
            gsi1sk: `${complaint.receivedAt}#${complaint.reference}`,
            gsi2pk: `CUSTOMER#${complaint.customer.email}`,
            gsi2sk: `${complaint.receivedAt}#${complaint.reference}`,
            ...complaint,
            expiresAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'created';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.getComplaint(complaint.reference);
      return existing?.sourceMessageId === complaint.sourceMessageId ? 'exists' : 'collision';
    }
  }

  async getComplaint(reference: string): Promise<Complaint | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: complaintKey(reference), ConsistentRead: true }));
    return Item ? (fromItem<Complaint>(Item)) : undefined;
  }

  async addEvent(reference: string, event: TimelineEvent, expiresAt: number): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: `C#${reference}`, sk: eventSortKey(event), itemType: 'event', ...event, expiresAt },
      }),
    );
  }

  async getTimeline(reference: string): Promise<TimelineEvent[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `C#${reference}`, ':prefix': 'EVENT#' },
    });
    return items.map((item) => fromItem<TimelineEvent>(item));
  }

  async linkMessageId(messageId: string, reference: string, expiresAt: number): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { pk: `MSGID#${messageId}`, sk: 'MSGID', itemType: 'message-id', reference, expiresAt } }),
    );
  }

  async findByMessageId(messageId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: `MSGID#${messageId}`, sk: 'MSGID' } }));
    return typeof Item?.reference === 'string' ? Item.reference : undefined;
  }

  async recordAcknowledgement(reference: string, acknowledgement: NonNullable<Complaint['acknowledgement']>): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: complaintKey(reference),
        UpdateExpression: 'SET acknowledgement = :ack',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':ack': acknowledgement },
      }),
    );
  }

  async resolveComplaint(reference: string, resolution: Resolution): Promise<'resolved' | 'not-open'> {
    const updated = await this.conditionalUpdate({
      Key: complaintKey(reference),
      UpdateExpression: 'SET #status = :resolved, gsi1pk = :gsi1pk, resolution = :resolution',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':resolved': 'resolved', ':open': 'open', ':gsi1pk': 'STATUS#resolved', ':resolution': resolution },
    });
    return updated ? 'resolved' : 'not-open';
  }

  async recordFeedback(reference: string, feedback: Feedback): Promise<'recorded' | 'already' | 'not-resolved'> {
    const updated = await this.conditionalUpdate({
      Key: complaintKey(reference),
      UpdateExpression: 'SET feedback = :feedback',
      ConditionExpression: 'attribute_not_exists(feedback) AND #status <> :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':feedback': feedback, ':open': 'open' },
    });
    if (updated) return 'recorded';
    const complaint = await this.getComplaint(reference);
    return complaint?.feedback ? 'already' : 'not-resolved';
  }

  async reopenComplaint(reference: string): Promise<'reopened' | 'not-resolved'> {
    const updated = await this.conditionalUpdate({
      Key: complaintKey(reference),
      UpdateExpression: 'SET #status = :open, gsi1pk = :gsi1pk REMOVE feedback',
      ConditionExpression: '#status = :resolved',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open', ':resolved': 'resolved', ':gsi1pk': 'STATUS#open' },
    });
    return updated ? 'reopened' : 'not-resolved';
  }

  async updateClassification(reference: string, change: { category?: string; severity?: string }): Promise<void> {
    const sets: string[] = [];
    const values: Record<string, string> = {};
    if (change.category) {
      sets.push('classification.category = :category');
      values[':category'] = change.category;
    }
    if (change.severity) {
      sets.push('classification.severity = :severity');
      values[':severity'] = change.severity;
    }
    if (sets.length === 0) return;
    await this.db.send(
      new UpdateCommand({ TableName: this.table, Key: complaintKey(reference), UpdateExpression: `SET ${sets.join(', ')}`, ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: values }),
    );
  }

  async recordAgentReply(reference: string, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: complaintKey(reference),
        UpdateExpression: 'SET firstAgentReplyAt = if_not_exists(firstAgentReplyAt, :at), lastAgentReplyAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  async recordLetter(reference: string, s3Key: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: complaintKey(reference),
        UpdateExpression: 'SET resolution.letterS3Key = :key',
        ConditionExpression: 'attribute_exists(resolution)',
        ExpressionAttributeValues: { ':key': s3Key },
      }),
    );
  }

  async complaintsOf(customerEmail: string, limit = 20): Promise<Complaint[]> {
    const items = await this.queryAll(
      { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerEmail.toLowerCase()}` }, ScanIndexForward: false },
      limit,
    );
    return items.map((item) => fromItem<Complaint>(item));
  }

  async listComplaints(query: { status?: string; limit?: number }): Promise<Complaint[]> {
    const statuses = query.status ? [query.status] : [...COMPLAINT_STATUSES];
    const limit = query.limit ?? 100;
    const results = await Promise.all(
      statuses.map((status) =>
        this.queryAll(
          {
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': `STATUS#${status}` },
            ScanIndexForward: false,
          },
          limit,
        ),
      ),
    );
    return results
      .flat()
      .map((item) => fromItem<Complaint>(item))
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .slice(0, limit);
  }

  async listScreened(query: { limit?: number }): Promise<InboundRecord[]> {
    const items = await this.queryAll(
      { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'SCREENED' }, ScanIndexForward: false },
      query.limit ?? 100,
    );
    return items.map((item) => fromItem<InboundRecord>(item));
  }

  private async conditionalUpdate(input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({ ...input, TableName: this.table }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async queryAll(
    input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, TableName: this.table, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && items.length < limit);
    return items.slice(0, limit);
  }
}

/** Items are written only by this store, so their shape is the type they were written from. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const key of KEY_ATTRIBUTES) delete copy[key];
  return copy as unknown as T;
}

/** Time first so a query returns the timeline in order; the digest keeps same-instant events apart. */
function eventSortKey(event: TimelineEvent): string {
  const digest = createHash('sha256').update(`${event.type}\n${event.summary}`).digest('hex').slice(0, 8);
  return `EVENT#${event.at}#${event.type}#${digest}`;
}
