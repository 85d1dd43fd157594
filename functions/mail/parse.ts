import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { convert } from 'html-to-text';

/** Header values by lower-case name, unfolded, in the order they appear. */
export type HeaderMap = ReadonlyMap<string, readonly string[]>;

export interface Mailbox {
  address: string;
  name: string;
}

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface ParsedInbound {
  headers: HeaderMap;
  /** Top-level media type, lower case: "multipart/report", "text/plain", ... */
  contentType: string;
  from?: Mailbox;
  replyTo?: Mailbox;
  to: string[];
  subject: string;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  date?: string;
  /** Plain text body; HTML-only mail converted to text. */
  text: string;
  attachments: InboundAttachment[];
}

/**
 * Header-borne fields end up on DynamoDB items (400 KB) and drive look-ups, so each is bounded:
 * a subject or a name longer than any mail client writes is cut, and only the newest References
 * are kept (threading reads one index item per id; the newest are the ones that matter).
 */
export const HEADER_FIELD_LIMITS = { subjectChars: 1_000, nameChars: 200, references: 20, messageIdChars: 900 } as const;

/** A Message-ID longer than this cannot key the Message-ID index (DynamoDB keys stop at 2 KB): it is ignored. */
function usableId(id: string | undefined): string | undefined {
  return id && id.trim().length > 0 && id.length <= HEADER_FIELD_LIMITS.messageIdChars ? normaliseMessageId(id) : undefined;
}

export interface ParseLimits {
  parseTimeoutMs: number;
  maxHtmlChars: number;
}

export class UnparseableMailError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnparseableMailError';
  }
}

export async function parseInbound(raw: Buffer, limits: ParseLimits): Promise<ParsedInbound> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnparseableMailError(`parsing took longer than ${limits.parseTimeoutMs} ms`)), limits.parseTimeoutMs);
  });
  try {
    const mail = await Promise.race([
      simpleParser(raw, {
        skipHtmlToText: true,
        skipTextToHtml: true,
        skipImageLinks: true,
        skipTextLinks: true,
        keepCidLinks: true,
        maxHtmlLengthToParse: limits.maxHtmlChars,
      }),
      timeout,
    ]);
    return toParsedInbound(mail, limits);
  } catch (error) {
    if (error instanceof UnparseableMailError) throw error;
    throw new UnparseableMailError(`the MIME structure could not be parsed: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

function toParsedInbound(mail: ParsedMail, limits: ParseLimits): ParsedInbound {
  const headers = headerMap(mail.headerLines);
  const contentType = (headers.get('content-type')?.[0] ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
  const text = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlToText(mail.html, limits.maxHtmlChars) : '';
  return {
    headers,
    contentType,
    from: firstMailbox(mail.from),
    replyTo: firstMailbox(mail.replyTo),
    to: allAddresses(mail.to),
    subject: singleLine(mail.subject ?? '').slice(0, HEADER_FIELD_LIMITS.subjectChars),
    messageId: usableId(mail.messageId),
    inReplyTo: usableId(mail.inReplyTo),
    references: (Array.isArray(mail.references) ? mail.references : mail.references ? mail.references.split(/\s+/) : [])
      .filter((id) => id.length > 0 && id.length <= HEADER_FIELD_LIMITS.messageIdChars)
      .slice(-HEADER_FIELD_LIMITS.references)
      .map(normaliseMessageId),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : undefined,
    text: text.replace(/\r\n/g, '\n').trim(),
    attachments: mail.attachments.map((attachment, index) => ({
      filename: safeFilename(attachment.filename, index, attachment.contentType),
      contentType: attachment.contentType || 'application/octet-stream',
      size: attachment.size,
      content: attachment.content,
    })),
  };
}

/**
 * html-to-text's time grows with the square of the nesting depth (100,000 nested <div>s take
 * 25 s, and a synchronous conversion cannot be cut off by the parse timeout). Real mail nests a
 * few dozen levels; deeper HTML gets a linear fallback that drops the tags.
 */
const MAX_HTML_NESTING = 500;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export function htmlToText(html: string, maxChars: number): string {
  const bounded = html.length > maxChars ? html.slice(0, maxChars) : html;
  if (nestingDepth(bounded) > MAX_HTML_NESTING) return stripTags(bounded);
  return convert(bounded, {
    wordwrap: false,
    limits: { maxInputLength: maxChars, maxDepth: 64, maxChildNodes: 2_000, ellipsis: '…' },
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
    ],
  });
}

/** The deepest element nesting, counted in one pass over the tags (unclosed tags count as open). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing || VOID_ELEMENTS.has(name!.toLowerCase())) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, (depth += 1));
  }
  return deepest;
}

function stripTags(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return entities[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

function headerMap(lines: ParsedMail['headerLines']): HeaderMap {
  const map = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const colon = line.indexOf(':');
    const value = (colon >= 0 ? line.slice(colon + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim();
    const values = map.get(key) ?? [];
    values.push(value);
    map.set(key, values);
  }
  return map;
}

function firstMailbox(field: AddressObject | AddressObject[] | undefined): Mailbox | undefined {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  for (const object of objects) {
    for (const entry of object.value) {
      const candidates = entry.group ?? [entry];
      for (const candidate of candidates) {
        if (candidate.address && isPlainAddress(candidate.address)) {
          return { address: candidate.address.toLowerCase(), name: singleLine(candidate.name ?? '').slice(0, HEADER_FIELD_LIMITS.nameChars) };
        }
      }
    }
  }
  return undefined;
}

/**
 * A dot-atom local part (UTF-8 allowed) at a dotted domain: what we can reply to. mailparser hands
 * over whatever sat around the `@` of a malformed header, quotes, `<`, `;` and spaces included,
 * and SES would refuse to send to it, failing the whole invocation.
 */
function isPlainAddress(address: string): boolean {
  return /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(address);
}

function allAddresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) => (entry.group ?? [entry]).flatMap((mailbox) => (mailbox.address ? [mailbox.address.toLowerCase()] : []))),
  );
}

export function singleLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

export function normaliseMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
}

function safeFilename(filename: string | undefined, index: number, contentType: string): string {
  const cleaned = (filename ?? '').replace(/[\\/\u0000-\u001f]/g, '_').replace(/^\.+/, '').slice(0, 120);
  if (cleaned) return cleaned;
  const extension = contentType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') ?? 'bin';
  return `attachment-${index + 1}.${extension || 'bin'}`;
}
