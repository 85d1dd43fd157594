/**
 * Export and erasure of everything the responder keeps about one email address.
 *
 * Found through keys and indexes only (no Scan):
 *   - their complaints (gsi2 CUSTOMER#<address>) and every item under C#<ref>: the record, the
 *     timeline events and the email claims/log;
 *   - the inbound records they sent (gsi2 SENDER#<address>: complaints, replies, screened mail),
 *     plus the inbound records of their complaints found from the complaint (the message that
 *     opened it, the replies named in the email log's kinds, such as agent-reply:<ses id>, and
 *     the agents' replies about them on each agent's SENDER# index since the first complaint);
 *   - the Message-ID links pointing at their complaints (candidates from the record, the email
 *     log and the timeline; a link is taken only if it names one of their complaints);
 *   - the category counters that counted their complaints and the pattern records naming them;
 *   - SUPPRESS#<address> and AUTOREPLY#<address> items;
 *   - in S3: raw mail (inbound/<ses id>), quarantined mail (quarantine/inbound/<ses id>), attachments
 *     (attachments/<ses id>/…) and resolution letters (letters/<ref>/…).
 *
 * Erasure deletes in an order that survives a crash at any point: S3 objects and leaf items first,
 * then the items used to find them, the complaint records last. A rerun finds what is left and
 * finishes; on a clean table it finds nothing. Counters lose the reference and one count; pattern
 * records keep the burst (the managers' report counts it) but name no complaint any more. The
 * audit item ERASURE#<address hash> records when and how much, never the address.
 *
 * What can still arrive afterwards: a scheduler job for an erased complaint finds no complaint and
 * is dropped (core/lifecycle.ts); a reply to an old email finds no Message-ID link and opens a new
 * complaint, as mail from a new customer would. Mail from the person that is being processed while
 * the erasure runs can leave items behind: run it again.
 *
 * Mail refused before its From was read (quarantined, too large, unparseable) is found under its SMTP
 * envelope sender, which is usually the same address.
 *
 * Not reached: such mail whose envelope sender differs from the person's address, screened
 * records written before gsi2 SENDER# existed, rejected replies from non-agents about their complaints, the
 * 14-day dead-letter queues (an inbound failure keeps the SES event with its headers), and what SES
 * and the mail providers keep.
 */
import type { AppConfig } from '#config/app-config';
import { windowOf } from '#core/patterns/window';
import { addressHash } from '#core/privacy';
import type { Clock } from './ports.ts';

/** An item as the table stores it, keys included. */
export type StoredItem = Record<string, unknown>;

export interface ItemKey {
  pk: string;
  sk: string;
}

export interface StoredObject {
  key: string;
  size: number;
}

export interface PrivacyStore {
  /** COMPLAINT items on gsi2 CUSTOMER#<address>. */
  complaintRecordsOf(address: string): Promise<StoredItem[]>;
  /** INBOUND items on gsi2 SENDER#<address>, all or those received from `since` on. */
  inboundFrom(address: string, since?: string): Promise<StoredItem[]>;
  /** Every item of one partition (C#<ref>, AUTOREPLY#<address>), consistently read. */
  itemsUnder(pk: string): Promise<StoredItem[]>;
  /** PATTERN records (gsi1) of every category for one window. */
  patternsOfWindow(windowStart: string): Promise<StoredItem[]>;
  get(key: ItemKey): Promise<StoredItem | undefined>;
  /** True if an item was deleted; with `onlyIf`, only while that attribute still has that value. */
  delete(key: ItemKey, onlyIf?: { attribute: string; equals: string }): Promise<boolean>;
  /** Takes the reference out of a counter's `counted` set and 1 off its count, once. */
  uncount(key: ItemKey, reference: string): Promise<boolean>;
  replaceAttribute(key: ItemKey, attribute: string, from: string, to: string): Promise<boolean>;
  put(item: StoredItem): Promise<void>;
}

export interface PersonalObjects {
  list(prefix: string): Promise<StoredObject[]>;
  get(key: string): Promise<{ content: Buffer; contentType?: string }>;
  delete(key: string): Promise<void>;
}

export interface PrivacyDeps {
  store: PrivacyStore;
  objects: PersonalObjects;
  config: Pick<AppConfig, 'retentionDays' | 'patterns' | 'agents'>;
  clock: Clock;
  /** The signing key: the audit item names the person by addressHash only. */
  secret: string;
  prefixes: { inbound: string; attachments: string; letters: string; quarantine: string };
}

export type ObjectKind = 'raw-mail' | 'quarantined-mail' | 'attachment' | 'letter';

export interface PersonalComplaint {
  reference: string;
  record: StoredItem;
  /** EVENT# items, oldest first. */
  timeline: StoredItem[];
  /** EMAIL# items: the claim and log of every email sent about the complaint. */
  emails: StoredItem[];
  /** Any other item under C#<ref>. */
  other: StoredItem[];
}

export interface CounterShare {
  key: ItemKey;
  category: string;
  windowStart: string;
  count: number;
  /** Which of this person's complaints the counter counted (other people's references are not shown). */
  references: string[];
}

export interface PersonalData {
  address: string;
  complaints: PersonalComplaint[];
  messageIdLinks: StoredItem[];
  inbound: StoredItem[];
  counters: CounterShare[];
  patterns: StoredItem[];
  suppressions: StoredItem[];
  autoReplies: StoredItem[];
  objects: Array<StoredObject & { kind: ObjectKind }>;
}

export interface PersonalDataCounts {
  complaints: number;
  timelineEvents: number;
  emails: number;
  otherComplaintItems: number;
  messageIdLinks: number;
  inboundRecords: number;
  counters: number;
  patterns: number;
  suppressions: number;
  autoReplies: number;
  objects: number;
}

/** What a pattern record names instead of an erased complaint. */
export const ERASED_REFERENCE = 'ERASED';

/** Email kinds whose suffix is the SES id of the inbound message they answer (workflows/mailbox.ts). */
const KINDS_NAMING_INBOUND = ['agent-notification', 'agent-reply', 'escalation', 'agent-error'];
const PARALLEL_WRITES = 8;

export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

export async function findPersonalData(addressInput: string, deps: PrivacyDeps): Promise<PersonalData> {
  const address = normalizeAddress(addressInput);
  const { store } = deps;
  const [records, sent, suppression, autoReplies] = await Promise.all([
    store.complaintRecordsOf(address),
    store.inboundFrom(address),
    store.get({ pk: `SUPPRESS#${address}`, sk: 'SUPPRESS' }),
    store.itemsUnder(`AUTOREPLY#${address}`),
  ]);

  const complaints: PersonalComplaint[] = [];
  for (const indexed of unique(records)) {
    const reference = String(indexed.reference);
    const items = await store.itemsUnder(`C#${reference}`);
    const record = items.find((item) => item.sk === 'COMPLAINT');
    if (!record) continue; // erased (or expired) since the index was read
    complaints.push({
      reference,
      record,
      timeline: items.filter((item) => String(item.sk).startsWith('EVENT#')),
      emails: items.filter((item) => String(item.sk).startsWith('EMAIL#')),
      other: items.filter((item) => item.sk !== 'COMPLAINT' && !String(item.sk).startsWith('EVENT#') && !String(item.sk).startsWith('EMAIL#')),
    });
  }
  const references = new Set(complaints.map((complaint) => complaint.reference));

  const inbound = new Map(sent.map((item) => [String(item.sesMessageId), item]));
  for (const sesMessageId of complaints.flatMap(inboundIdsOf)) {
    if (inbound.has(sesMessageId)) continue;
    const item = await store.get({ pk: `INBOUND#${sesMessageId}`, sk: 'INBOUND' });
    if (item && (references.has(referenceOf(item)) || item.from === address)) inbound.set(sesMessageId, item);
  }

  // Agents' mail about the complaints (a #resolve or #note sends nothing, so the email log does not name it).
  const earliest = complaints.map((complaint) => String(complaint.record.receivedAt ?? '')).sort()[0];
  if (earliest !== undefined) {
    for (const agent of deps.config.agents) {
      for (const item of await store.inboundFrom(agent.email, earliest)) if (references.has(referenceOf(item))) inbound.set(String(item.sesMessageId), item);
    }
  }

  const messageIdLinks = new Map<string, StoredItem>();
  for (const messageId of new Set(complaints.flatMap(messageIdsOf))) {
    const link = await store.get({ pk: `MSGID#${messageId}`, sk: 'MSGID' });
    if (link && references.has(String(link.reference))) messageIdLinks.set(messageId, link);
  }

  const counterItems = new Map<string, StoredItem | undefined>();
  const counters = new Map<string, CounterShare>();
  const windows = new Set<string>();
  for (const complaint of complaints) {
    const { categories, windowStarts } = countedAs(complaint, deps.config.patterns.window);
    for (const windowStart of windowStarts) windows.add(windowStart);
    for (const category of categories) {
      for (const windowStart of windowStarts) {
        const key = { pk: `COUNT#${category}`, sk: windowStart };
        const id = `${key.pk}\n${key.sk}`;
        if (!counterItems.has(id)) counterItems.set(id, await store.get(key));
        const counter = counterItems.get(id);
        if (!counter || !toStringSet(counter.counted).has(complaint.reference)) continue;
        const share = counters.get(id) ?? { key, category, windowStart, count: Number(counter.count ?? 0), references: [] };
        if (!share.references.includes(complaint.reference)) share.references.push(complaint.reference);
        counters.set(id, share);
      }
    }
  }

  const patterns: StoredItem[] = [];
  for (const windowStart of windows) {
    for (const pattern of await store.patternsOfWindow(windowStart)) if (references.has(String(pattern.reference))) patterns.push(pattern);
  }

  const objects = await objectsOf(complaints, [...inbound.keys()], deps);
  return {
    address,
    complaints,
    messageIdLinks: [...messageIdLinks.values()],
    inbound: [...inbound.values()],
    counters: [...counters.values()].map((counter) => ({ ...counter, references: counter.references.sort() })),
    patterns: unique(patterns),
    suppressions: suppression ? [suppression] : [],
    autoReplies,
    objects,
  };
}

export function countPersonalData(data: PersonalData): PersonalDataCounts {
  return {
    complaints: data.complaints.length,
    timelineEvents: sum(data.complaints.map((complaint) => complaint.timeline.length)),
    emails: sum(data.complaints.map((complaint) => complaint.emails.length)),
    otherComplaintItems: sum(data.complaints.map((complaint) => complaint.other.length)),
    messageIdLinks: data.messageIdLinks.length,
    inboundRecords: data.inbound.length,
    counters: data.counters.length,
    patterns: data.patterns.length,
    suppressions: data.suppressions.length,
    autoReplies: data.autoReplies.length,
    objects: data.objects.length,
  };
}

export function isEmpty(counts: PersonalDataCounts): boolean {
  return Object.values(counts).every((count) => count === 0);
}

export interface PersonalDataExport {
  format: 'complaints-personal-data/v1';
  address: string;
  exportedAt: string;
  counts: PersonalDataCounts;
  complaints: Array<{ reference: string; record: StoredItem; timeline: StoredItem[]; emails: StoredItem[]; other: StoredItem[] }>;
  messageIdLinks: StoredItem[];
  inbound: StoredItem[];
  categoryCounters: Array<{ category: string; windowStart: string; count: number; references: string[] }>;
  patterns: StoredItem[];
  suppressions: StoredItem[];
  autoReplies: StoredItem[];
  /** `file` is set when the objects were written beside the document (`--out`). */
  objects: Array<{ key: string; kind: ObjectKind; size: number; file?: string }>;
}

/** One JSON document with every item as stored (keys included) and the list of S3 objects. */
export function exportDocument(data: PersonalData, exportedAt: string): PersonalDataExport {
  return {
    format: 'complaints-personal-data/v1',
    address: data.address,
    exportedAt,
    counts: countPersonalData(data),
    complaints: data.complaints.map(({ reference, record, timeline, emails, other }) => ({ reference, record: plain(record), timeline: timeline.map(plain), emails: emails.map(plain), other: other.map(plain) })),
    messageIdLinks: data.messageIdLinks.map(plain),
    inbound: data.inbound.map(plain),
    categoryCounters: data.counters.map(({ category, windowStart, count, references }) => ({ category, windowStart, count, references })),
    patterns: data.patterns.map(plain),
    suppressions: data.suppressions.map(plain),
    autoReplies: data.autoReplies.map(plain),
    objects: data.objects.map(({ key, kind, size }) => ({ key, kind, size })),
  };
}

export interface ErasureResult {
  erased: PersonalDataCounts;
  /** The audit item written (none when there was nothing to erase). */
  audit?: ItemKey;
}

/** Deletes everything found, leaves first (see the module comment). Idempotent. */
export async function erasePersonalData(data: PersonalData, deps: PrivacyDeps): Promise<ErasureResult> {
  const counts = countPersonalData(data);
  if (isEmpty(counts)) return { erased: counts };
  const { store } = deps;

  await inParallel(data.objects, (object) => deps.objects.delete(object.key));

  await inParallel(data.messageIdLinks, (link) => store.delete(keyOf(link), { attribute: 'reference', equals: String(link.reference) }));
  await inParallel(
    data.counters.flatMap((counter) => counter.references.map((reference) => ({ counter, reference }))),
    ({ counter, reference }) => store.uncount(counter.key, reference),
  );
  await inParallel(data.patterns, (pattern) => store.replaceAttribute(keyOf(pattern), 'reference', String(pattern.reference), ERASED_REFERENCE));
  await inParallel([...data.suppressions, ...data.autoReplies], (item) => store.delete(keyOf(item)));

  // Inbound records lead to raw mail (gone above); the email log leads to some of them, so they go before it.
  await inParallel(data.inbound, (item) => store.delete(keyOf(item)));
  await inParallel(
    data.complaints.flatMap((complaint) => [...complaint.timeline, ...complaint.emails, ...complaint.other]),
    (item) => store.delete(keyOf(item)),
  );
  // Last: the records through which everything above is found.
  await inParallel(data.complaints, (complaint) => store.delete(keyOf(complaint.record)));

  const erasedAt = deps.clock.now().toISOString();
  const audit = { pk: `ERASURE#${addressHash(data.address, deps.secret)}`, sk: erasedAt };
  await store.put({ ...audit, itemType: 'erasure', erasedAt, counts, expiresAt: Math.floor(Date.parse(erasedAt) / 1000) + deps.config.retentionDays * 86_400 });
  return { erased: counts, audit };
}

// ---- Discovery helpers ------------------------------------------------------------------------------

function inboundIdsOf(complaint: PersonalComplaint): string[] {
  const ids = [String(complaint.record.sourceMessageId ?? '')];
  for (const email of complaint.emails) {
    const [kind, ...rest] = String(email.kind ?? '').split(':');
    if (kind && KINDS_NAMING_INBOUND.includes(kind) && rest.length > 0) ids.push(rest.join(':'));
  }
  return ids.filter((id) => id.length > 0);
}

function messageIdsOf(complaint: PersonalComplaint): string[] {
  const { record } = complaint;
  const acknowledgement = record.acknowledgement as { messageIdHeader?: unknown } | undefined;
  const candidates: unknown[] = [
    record.customerMessageId,
    ...(Array.isArray(record.customerReferences) ? record.customerReferences : []),
    acknowledgement?.messageIdHeader,
    ...complaint.emails.map((email) => email.messageIdHeader),
    ...complaint.timeline.map((event) => (event.details as Record<string, unknown> | undefined)?.messageId),
  ];
  return candidates.filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** The categories and windows a complaint may have been counted under (an agent may have reclassified it since). */
function countedAs(complaint: PersonalComplaint, window: string): { categories: Set<string>; windowStarts: Set<string> } {
  const categories = new Set<string>();
  const windowStarts = new Set<string>();
  const classification = complaint.record.classification as { category?: unknown } | undefined;
  if (typeof classification?.category === 'string') categories.add(classification.category);
  if (typeof complaint.record.receivedAt === 'string') windowStarts.add(windowOf(complaint.record.receivedAt, window).start);
  for (const event of complaint.timeline) {
    const details = (event.details ?? {}) as Record<string, unknown>;
    if ((event.type === 'complaint-received' || event.type === 'pattern-escalated') && typeof details.category === 'string') categories.add(details.category);
    if (event.type === 'pattern-escalated' && typeof details.windowStart === 'string') windowStarts.add(details.windowStart);
  }
  return { categories, windowStarts };
}

async function objectsOf(complaints: PersonalComplaint[], inboundIds: string[], deps: PrivacyDeps): Promise<Array<StoredObject & { kind: ObjectKind }>> {
  const { prefixes } = deps;
  const found = new Map<string, StoredObject & { kind: ObjectKind }>();
  const kindOf = (key: string): ObjectKind =>
    key.startsWith(prefixes.attachments) ? 'attachment' : key.startsWith(prefixes.letters) ? 'letter' : key.startsWith(prefixes.quarantine) ? 'quarantined-mail' : 'raw-mail';
  const add = (objects: StoredObject[]) => {
    for (const object of objects) found.set(object.key, { ...object, kind: kindOf(object.key) });
  };
  const exactly = async (key: string) => add((await deps.objects.list(key)).filter((object) => object.key === key));

  const sesIds = new Set([...inboundIds, ...complaints.map((complaint) => String(complaint.record.sourceMessageId ?? ''))].filter(Boolean));
  for (const sesMessageId of sesIds) {
    await exactly(`${prefixes.inbound}${sesMessageId}`);
    // The quarantine keeps the raw mail's own key under its prefix (S3MailStore.quarantine).
    await exactly(`${prefixes.quarantine}${prefixes.inbound}${sesMessageId}`);
    add(await deps.objects.list(`${prefixes.attachments}${sesMessageId}/`));
  }
  for (const complaint of complaints) {
    add(await deps.objects.list(`${prefixes.letters}${complaint.reference}/`));
    const { rawS3Key, attachments, resolution } = complaint.record as { rawS3Key?: unknown; attachments?: Array<{ s3Key?: unknown }>; resolution?: { letterS3Key?: unknown } };
    const named = [rawS3Key, resolution?.letterS3Key, ...(attachments ?? []).map((attachment) => attachment.s3Key)];
    for (const key of named) if (typeof key === 'string' && key && !found.has(key)) await exactly(key);
  }
  return [...found.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function referenceOf(inbound: StoredItem): string {
  const result = inbound.result as { reference?: unknown } | undefined;
  return typeof result?.reference === 'string' ? result.reference : '';
}

function toStringSet(value: unknown): Set<string> {
  if (value instanceof Set) return new Set([...value].map(String));
  if (Array.isArray(value)) return new Set(value.map(String));
  return new Set();
}

function keyOf(item: StoredItem): ItemKey {
  return { pk: String(item.pk), sk: String(item.sk) };
}

function unique(items: StoredItem[]): StoredItem[] {
  return [...new Map(items.map((item) => [`${String(item.pk)}\n${String(item.sk)}`, item])).values()];
}

/** DynamoDB string/number sets become arrays, so the export is plain JSON. */
function plain(item: StoredItem): StoredItem {
  return JSON.parse(JSON.stringify(item, (_key, value: unknown) => (value instanceof Set ? [...value] : value))) as StoredItem;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

async function inParallel<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL_WRITES) {
    await Promise.all(items.slice(start, start + PARALLEL_WRITES).map(write));
  }
}
