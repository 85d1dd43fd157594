export const COMPLAINT_STATUSES = ['open', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const SEVERITIES = ['normal', 'high', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Classification {
  language: string;
  category: string;
  severity: Severity;
  /** Why the classifier decided as it did, for agents and for tuning. */
  signals: string[];
}

export interface StoredAttachment {
  filename: string;
  contentType: string;
  size: number;
  s3Key: string;
}

export interface Complaint {
  reference: string;
  status: ComplaintStatus;
  /** SES message id of the inbound mail that opened the complaint: the idempotency key. */
  sourceMessageId: string;
  customer: { name: string; email: string };
  subject: string;
  body: string;
  bodyTruncated: boolean;
  receivedAt: string;
  /** Message-ID header of the customer's mail, for In-Reply-To/References. */
  customerMessageId?: string;
  customerReferences: string[];
  accountNumbers: string[];
  orderNumbers: string[];
  attachments: StoredAttachment[];
  /** Attachments over the limits, one sentence each on why they were not stored (they remain in the raw mail). */
  attachmentsNotStored?: string[];
  rawS3Key: string;
  classification: Classification;
  sla: { firstResponseDue: string; resolutionDue: string };
  acknowledgement?: { sesMessageId: string; messageIdHeader: string; sentAt: string };
  /** Set when threading was uncertain: the complaint this one may continue. */
  possiblyRelatedTo?: string;
  firstAgentReplyAt?: string;
  lastAgentReplyAt?: string;
  resolution?: Resolution;
  feedback?: Feedback;
}

export interface Resolution {
  resolvedAt: string;
  resolvedBy: string;
  resolvedByTitle?: string;
  /** Where the PDF of the resolution letter is kept, once sent. */
  letterS3Key?: string;
  summary: string;
  prevention?: string;
}

export interface Feedback {
  rating: number;
  comment?: string;
  at: string;
}

export interface TimelineEvent {
  at: string;
  type: string;
  summary: string;
  actor: string;
  details?: Record<string, string | number | boolean>;
}
