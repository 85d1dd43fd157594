/**
 * The single DynamoDB table's key layout, shared by the CDK stack, the local stack and the adapters
 * so the three never drift apart.
 *
 * Items (pk / sk):
 *   C#<ref> / COMPLAINT                      the complaint record (gsi1: status, gsi2: customer)
 *   C#<ref> / EVENT#<iso time>#<key>         one timeline event
 *   C#<ref> / EMAIL#<kind>#<sequence>        claim + log of one outbound email (exactly-once key; or its refusal)
 *   INBOUND#<ses message id> / INBOUND       what became of one inbound message (gsi1: screened list)
 *   MSGID#<message-id> / MSGID               which complaint a Message-ID belongs to (threading)
 *   COUNT#<category> / <window start>        category counter (atomic ADD + set of counted references)
 *   PATTERN#<category> / <window start>      the one escalation of a category burst
 *   SUPPRESS#<address> / SUPPRESS            SES bounce or complaint: never send to this address again
 *                                            (gsi1: SUPPRESSED while active; a lift keeps the item, who and why)
 *   AUTOREPLY#<address> / <window start>     automatic replies sent to one address in one window (the cap)
 *   ERASURE#<address hash> / <erased at>     audit of one erasure: when and how many items (never the address)
 *
 * Inbound records also carry gsi2pk SENDER#<address>, so everything one person sent (complaints,
 * replies, screened mail) is found without a scan for export and erasure. Complaints use
 * gsi2pk CUSTOMER#<address>. Addresses in keys are lower case. Every item carries expiresAt (TTL):
 * retentionDays after the complaint or message it belongs to (workflows/privacy.ts erases earlier on request).
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLive: 'expiresAt',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export const RUNTIME_ENV = {
  tableName: 'TABLE_NAME',
  mailBucket: 'MAIL_BUCKET',
  inboundPrefix: 'INBOUND_PREFIX',
  attachmentsPrefix: 'ATTACHMENTS_PREFIX',
  lettersPrefix: 'LETTERS_PREFIX',
  schedulerQueueUrl: 'SCHEDULER_QUEUE_URL',
  schedulerMaxDelaySeconds: 'SCHEDULER_MAX_DELAY_SECONDS',
  schedulerDlqUrl: 'SCHEDULER_DLQ_URL',
  inboundFailuresUrl: 'INBOUND_FAILURES_URL',
  signingSecret: 'SIGNING_SECRET',
  feedbackBaseUrl: 'FEEDBACK_BASE_URL',
  appConfig: 'COMPLAINTS_CONFIG',
  /** The SES configuration set every send names, so its event destination reports bounces and complaints. */
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
} as const;
