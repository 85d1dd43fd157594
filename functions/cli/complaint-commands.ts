import { Command, Option } from 'commander';
import { dynamoDocumentClient, sesClient } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { SesOutbox } from '#adapters/ses-outbox';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { COMPLAINT_STATUSES, type Complaint, type TimelineEvent } from '#core/complaint';
import { findReference } from '#core/reference';
import { systemClock } from '#workflows/ports';
import { CliError, loadConnectionEnv } from './connection.ts';

function stores() {
  loadConnectionEnv();
  const table = process.env[RUNTIME_ENV.tableName]!;
  const db = dynamoDocumentClient();
  return {
    complaints: new DynamoComplaintStore(db, table),
    outbox: new SesOutbox(sesClient(), db, table, systemClock, { messageIdDomain: 'localhost' }),
  };
}

export function complaintCommands(): Command[] {
  const list = new Command('list')
    .description('List complaints, newest first.')
    .addOption(new Option('--status <status>', 'only complaints with this status').choices([...COMPLAINT_STATUSES]))
    .option('--limit <n>', 'at most this many', (value) => Number.parseInt(value, 10), 50)
    .option('--json', 'print JSON (an array of complaint records) for scripts')
    .action(async (options: { status?: string; limit: number; json?: boolean }) => {
      const complaints = await stores().complaints.listComplaints({ status: options.status, limit: options.limit });
      if (options.json) return printJson(complaints);
      if (complaints.length === 0) return console.log('No complaints.');
      print(table(['Reference', 'Received', 'Status', 'Severity', 'Category', 'Lang', 'Customer', 'Subject'], complaints.map(listRow)));
    });

  const show = new Command('show')
    .description('Show one complaint: the record, its timeline and the emails sent.')
    .argument('<reference>', 'e.g. CMP-7F3K2Q')
    .option('--json', 'print JSON ({ complaint, timeline, emails }) for scripts')
    .action(async (input: string, options: { json?: boolean }) => {
      const reference = findReference(input);
      if (!reference) throw new CliError(`"${input}" is not a complaint reference (CMP- followed by 6 letters/digits)`);
      const { complaints, outbox } = stores();
      const complaint = await complaints.getComplaint(reference);
      if (!complaint) throw new CliError(`No complaint ${reference}`);
      const [timeline, emails] = await Promise.all([complaints.getTimeline(reference), outbox.listSent(reference)]);
      if (options.json) return printJson({ complaint, timeline, emails });
      print(describeComplaint(complaint));
      print('\nConversation');
      print(conversation(complaint, timeline));
      print('\nTimeline');
      for (const event of timeline) print(`  ${event.at}  ${event.actor.padEnd(8)} ${singleLineForTerminal(event.summary)}`);
      print('\nEmails sent');
      for (const email of emails) print(`  ${email.sentAt ?? '(claimed, not confirmed)'}  ${email.kind}#${email.sequence}  ${email.messageIdHeader ?? ''}`);
    });

  const screened = new Command('screened')
    .description('List inbound mail that was screened out (bounces, auto-replies, spam...) with the reason.')
    .option('--limit <n>', 'at most this many', (value) => Number.parseInt(value, 10), 50)
    .option('--json', 'print JSON for scripts')
    .action(async (options: { limit: number; json?: boolean }) => {
      const records = await stores().complaints.listScreened({ limit: options.limit });
      if (options.json) return printJson(records);
      if (records.length === 0) return console.log('No screened mail.');
      print(
        table(
          ['Received', 'Rule', 'Reason', 'From', 'Subject'],
          records.map((record) => [
            record.receivedAt,
            record.result.outcome === 'screened' ? record.result.rule : record.result.outcome === 'quarantined' ? 'quarantined' : '',
            record.result.outcome === 'screened' || record.result.outcome === 'quarantined' ? record.result.reason : '',
            record.from ?? '',
            truncate(record.subject ?? '', 40),
          ]),
        ),
      );
    });

  return [list, show, screened];
}

function listRow(complaint: Complaint): string[] {
  return [
    complaint.reference,
    complaint.receivedAt.slice(0, 16).replace('T', ' '),
    complaint.status,
    complaint.classification.severity,
    complaint.classification.category,
    complaint.classification.language,
    complaint.customer.email,
    truncate(complaint.subject, 40),
  ];
}

function describeComplaint(complaint: Complaint): string {
  const lines = [
    `${complaint.reference}  ${complaint.status.toUpperCase()}`,
    `Customer:  ${complaint.customer.name} <${complaint.customer.email}>`,
    `Received:  ${complaint.receivedAt}`,
    `Subject:   ${complaint.subject}`,
    `Class:     ${complaint.classification.category} / ${complaint.classification.severity} / ${complaint.classification.language}`,
    `SLA:       first response by ${complaint.sla.firstResponseDue}, resolution by ${complaint.sla.resolutionDue}`,
  ];
  if (complaint.orderNumbers.length) lines.push(`Orders:    ${complaint.orderNumbers.join(', ')}`);
  if (complaint.accountNumbers.length) lines.push(`Accounts:  ${complaint.accountNumbers.join(', ')}`);
  if (complaint.attachments.length) lines.push(`Files:     ${complaint.attachments.map((file) => file.filename).join(', ')}`);
  if (complaint.possiblyRelatedTo) lines.push(`Related:   possibly continues ${complaint.possiblyRelatedTo}`);
  if (complaint.bodyTruncated) lines.push('Note:      the body below is truncated; the whole message is in S3');
  return lines.join('\n');
}

/** The customer's words and ours, in order, as people wrote them. */
function conversation(complaint: Complaint, timeline: TimelineEvent[]): string {
  const turns = [`── ${complaint.receivedAt}  ${complaint.customer.name} (customer)\n${indent(complaint.body)}`];
  for (const event of timeline) {
    const text = typeof event.details?.text === 'string' ? event.details.text : undefined;
    if (event.type === 'customer-reply') turns.push(`── ${event.at}  ${complaint.customer.name} (customer)\n${indent(text ?? event.summary)}`);
    if (event.type === 'agent-reply') turns.push(`── ${event.at}  ${event.actor} (agent)\n${indent(text ?? event.summary)}`);
    if (event.type === 'note') turns.push(`── ${event.at}  ${event.actor} (internal note)\n${indent(event.summary)}`);
    if (event.type === 'resolved') turns.push(`── ${event.at}  ${event.actor} resolved it\n${indent(event.summary)}`);
  }
  return turns.join('\n\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}

function table(header: string[], rawRows: string[][]): string {
  const rows = rawRows.map((row) => row.map(singleLineForTerminal));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format)].join('\n');
}

function truncate(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

/** Human-readable output: customer text on a terminal shows its control characters, never obeys them. */
function print(text: string): void {
  console.log(forTerminal(text));
}

/**
 * Makes text safe to write to a terminal: C0 controls (ESC of an ANSI sequence, BEL, backspace,
 * CR, NUL) become their visible control pictures (␛, ␇, ␈, ␍, ␀); DEL, C1 controls (a single-byte
 * CSI) and bidi overrides become �. Newlines stay: they are ours (the body keeps the customer's).
 */
export function forTerminal(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- showing control characters is the point
      .replace(/[\u0000-\u0009\u000b-\u001f]/g, (control) => (control === '\t' ? '    ' : String.fromCharCode(0x2400 + control.charCodeAt(0))))
      // eslint-disable-next-line no-control-regex -- showing control characters is the point
      .replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
  );
}

/** One table cell or line: the customer's newlines shown, not obeyed. */
function singleLineForTerminal(text: string): string {
  return forTerminal(text.replace(/\r?\n/g, ' ␤ '));
}

function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
