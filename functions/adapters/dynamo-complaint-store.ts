import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countOnce } from './dynamo-count-once.ts';
import { COMPLAINT_STATUSES, type Complaint, type Feedback, type Resolution, type TimelineEvent } from '#core/complaint';
import type { FlaggedComplaint, RepeatInfo } from '#core/patterns/repeat';
import { REPORT_FIELDS, type PatternRecord, type ReportComplaint } from '#core/patterns/report';
import type { ComplaintStore, CreateResult, InboundRecord, MessageDirection } from '#workflows/ports';

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'expiresAt', 'itemType'] as const;

export const complaintKey = (reference: string) => ({ pk: `C#${reference}`, sk: 'COMPLAINT' });
/** gsi2 partition of the inbound records one address sent (complaints use CUSTOMER#<address> on the same index). */
export const senderKey = (address: string) => `SENDER#${address.trim().toLowerCase()}`;
/** gsi2 partition of one customer's complaints. */
export const customerKey = (address: string) => `CUSTOMER#${address.trim().toLowerCase()}`;

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
    const screenedIndex = record.result.outcome === 'screened' || record.result.outcome === 'quarantined' ? { gsi1pk: 'SCREENED', gsi1sk: `${record.receivedAt}#${record.sesMessageId}` } : {};
    // Everything one person sent (complaints, replies, screened mail) is found without a scan for export and erasure.
    const senderIndex = record.from ? { gsi2pk: senderKey(record.from), gsi2sk: `${record.receivedAt}#${record.sesMessageId}` } : {};
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: `INBOUND#${record.sesMessageId}`, sk: 'INBOUND', itemType: 'inbound', ...screenedIndex, ...senderIndex, ...record, expiresAt },
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

  async linkMessageId(messageId: string, reference: string, expiresAt: number, direction: MessageDirection): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { pk: `MSGID#${messageId}`, sk: 'MSGID', itemType: 'message-id', reference, direction, expiresAt } }),
    );
  }

  async findMessageLink(messageId: string): Promise<{ reference: string; direction?: MessageDirection } | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: `MSGID#${messageId}`, sk: 'MSGID' } }));
    if (typeof Item?.reference !== 'string') return undefined;
    return Item.direction === 'sent' || Item.direction === 'received' ? { reference: Item.reference, direction: Item.direction } : { reference: Item.reference };
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

  // ---- Repeats, category counters, pattern escalations, reports -----------------------------------
  //
  // Items (pk / sk):
  //   COUNT#<category> / <window start>     count (atomic ADD) + counted (string set of references)
  //   PATTERN#<category> / <window start>   the one escalation of a burst (gsi1: PATTERN / <window start>#<category>)

  async customerComplaintsBetween(customerEmail: string, since: string, until: string): Promise<Array<Pick<FlaggedComplaint, 'reference' | 'receivedAt' | 'classification'>>> {
    const items = await this.queryAll({
      IndexName: 'gsi2',
      // gsi2sk is "<receivedAt>#<reference>": "<until>#…" sorts after "<until>", hence the "~".
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :since AND :until',
      ...projection(['reference', 'receivedAt', 'classification']),
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerEmail.toLowerCase()}`, ':since': since, ':until': `${until}~` },
    });
    return items.map((item) => fromItem<Pick<FlaggedComplaint, 'reference' | 'receivedAt' | 'classification'>>(item));
  }

  async recordRepeat(reference: string, repeat: RepeatInfo): Promise<RepeatInfo> {
    const updated = await this.conditionalUpdate({
      Key: complaintKey(reference),
      UpdateExpression: 'SET #repeat = :repeat',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#repeat)',
      ExpressionAttributeNames: { '#repeat': 'repeat' },
      ExpressionAttributeValues: { ':repeat': repeat },
    });
    if (updated) return repeat;
    const stored = (await this.getComplaint(reference)) as FlaggedComplaint | undefined;
    if (!stored) throw new Error(`recordRepeat: no complaint ${reference}`);
    return stored.repeat ?? repeat;
  }

  async countInWindow(input: { category: string; windowStart: string; reference: string; expiresAt: number }): Promise<{ count: number; counted: boolean }> {
    const { outcome, count } = await countOnce(this.db, this.table, {
      key: { pk: `COUNT#${input.category}`, sk: input.windowStart },
      member: input.reference,
      attributes: { itemType: 'category-count', category: input.category, windowStart: input.windowStart },
      expiresAt: input.expiresAt,
    });
    return { count, counted: outcome === 'counted' };
  }

  async windowCounts(category: string, firstStart: string, lastStart: string): Promise<Array<{ windowStart: string; count: number }>> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
      ProjectionExpression: 'sk, #count',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':pk': `COUNT#${category}`, ':first': firstStart, ':last': lastStart },
    });
    return items.map((item) => ({ windowStart: String(item.sk), count: Number(item.count ?? 0) }));
  }

  async claimPattern(record: PatternRecord, claimedAt: string, expiresAt: number): Promise<'claimed' | 'mine' | 'taken'> {
    const Key = { pk: `PATTERN#${record.category}`, sk: record.windowStart };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...Key, itemType: 'pattern', gsi1pk: 'PATTERN', gsi1sk: `${record.windowStart}#${record.category}`, ...record, claimedAt, expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key, ConsistentRead: true }));
      return Item?.reference === record.reference ? 'mine' : 'taken';
    }
  }

  async listPatterns(query: { from: string; to: string }): Promise<PatternRecord[]> {
    const items = await this.queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': 'PATTERN', ':from': query.from, ':to': query.to },
    });
    return items
      .filter((item) => String(item.windowStart) < query.to)
      .map((item) => {
        const { category, windowStart, windowEnd, count, baseline, threshold, reference } = fromItem<PatternRecord>(item);
        return { category, windowStart, windowEnd, count, baseline, threshold, reference };
      });
  }

  async listReceivedBetween(query: { from: string; to: string }): Promise<ReportComplaint[]> {
    // gsi1sk is "<receivedAt>#<reference>": BETWEEN from AND to takes receivedAt in [from, to).
    // The report's fields only: a month of complaint bodies (up to 100,000 characters each) stays in the table.
    const results = await Promise.all(
      COMPLAINT_STATUSES.map((status) =>
        this.queryAll({
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ...projection(REPORT_FIELDS),
          ExpressionAttributeValues: { ':pk': `STATUS#${status}`, ':from': query.from, ':to': query.to },
        }),
      ),
    );
    return results
      .flat()
      .map((item) => fromItem<ReportComplaint>(item))
      .filter((complaint) => complaint.receivedAt >= query.from && complaint.receivedAt < query.to)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.reference.localeCompare(b.reference));
  }

  private conditionalUpdate(input: ConditionalUpdateInput): Promise<boolean> {
    return conditionalUpdate(this.db, this.table, input);
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

/** A ProjectionExpression naming every attribute through a placeholder (status, subject, repeat… are reserved words). */
function projection(attributes: readonly string[]): { ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> } {
  return {
    ProjectionExpression: attributes.map((_, index) => `#p${index}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(attributes.map((attribute, index) => [`#p${index}`, attribute])),
  };
}

/** Time first so a query returns the timeline in order; the digest keeps same-instant events apart. */
function eventSortKey(event: TimelineEvent): string {
  const digest = createHash('sha256').update(`${event.type}\n${event.summary}`).digest('hex').slice(0, 8);
  return `EVENT#${event.at}#${event.type}#${digest}`;
}

export type ConditionalUpdateInput = Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>;

/** Applies the update if its condition holds: false (not an error) when it does not. */
export async function conditionalUpdate(db: DynamoDBDocumentClient, table: string, input: ConditionalUpdateInput): Promise<boolean> {
  try {
    await db.send(new UpdateCommand({ ...input, TableName: table }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
