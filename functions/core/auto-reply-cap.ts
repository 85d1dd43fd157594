/**
 * RFC 3834 §2: a responder must not send more than a few automatic responses to one address. An
 * automatic response to inbound mail takes a slot of the recipient's cap in a fixed window (see
 * patterns/window.ts); past the cap the mail is not sent and the timeline says why.
 */
import { windowOf, type CountWindow } from './patterns/window.ts';

/**
 * The email kinds that answer a message the customer just sent (not the follow-ups a timer sends,
 * and never words an agent wrote). A new automatic reply to inbound mail belongs here.
 */
export const AUTO_REPLY_KINDS: ReadonlySet<string> = new Set(['acknowledgement']);

export function isAutoReplyToInbound(kind: string): boolean {
  return AUTO_REPLY_KINDS.has(kind);
}

/** The cap's window for a reply to mail received at `inResponseToAt`: the same for every retry. */
export function autoReplyWindow(inResponseToAt: string, window: string): CountWindow {
  return windowOf(inResponseToAt, window);
}

/** The counter outlives its window by a day (then DynamoDB's TTL removes it). */
export function autoReplyCounterExpiry(window: CountWindow): number {
  return Math.floor(Date.parse(window.end) / 1000) + 86_400;
}

export function autoReplyCapReason(cap: number, window: CountWindow): string {
  const length = humanDuration(Date.parse(window.end) - Date.parse(window.start));
  return `${cap} automatic ${cap === 1 ? 'reply' : 'replies'} already sent to this address in the ${length} window from ${window.start.replace('T', ' ').replace(/:00\.000Z$/, ' UTC')}`;
}

export function humanDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}
