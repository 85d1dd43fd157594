/**
 * Repeat complaints: the same customer complained before, within a configurable window.
 * A complaint is a repeat when at least one of those earlier complaints is about the same
 * category; the other earlier ones are still counted so agents see the whole history.
 */
import type { Complaint } from '../complaint.ts';
import { durationToMs } from '../duration.ts';

/** What is stored on the complaint (`repeat`) when the customer complained before within the window. */
export interface RepeatInfo {
  /** Earlier complaints from this customer within the window, any category. */
  previous: number;
  /** Of those, how many were about the same category. */
  sameCategory: number;
  /** Their references, newest first (at most MAX_REFERENCES). */
  references: string[];
  /** The references of the same-category ones, newest first (at most MAX_REFERENCES). */
  sameCategoryReferences: string[];
  /** The window that was looked back over (ISO-8601 duration, e.g. P90D). */
  window: string;
}

/** A complaint as the repeat and report code read it: the record plus what this module adds. */
export type FlaggedComplaint = Complaint & { repeat?: RepeatInfo };

export const MAX_REFERENCES = 10;

export interface RepeatSubject {
  reference: string;
  receivedAt: string;
  category: string;
}

/**
 * The earlier complaints of `current` among `others` (the customer's complaints, any order):
 * received before it (ties broken by reference, as the per-customer index orders them) and no
 * longer ago than `window`. Undefined when there are none. Pure and deterministic, so a
 * redelivered message computes the same answer.
 */
export function detectRepeat(current: RepeatSubject, others: readonly RepeatSubject[], window: string): RepeatInfo | undefined {
  const since = Date.parse(current.receivedAt) - durationToMs(window);
  const currentKey = orderKey(current);
  const earlier = others
    .filter((other) => other.reference !== current.reference && orderKey(other) < currentKey && Date.parse(other.receivedAt) >= since)
    .sort((a, b) => (orderKey(a) < orderKey(b) ? 1 : -1));
  if (earlier.length === 0) return undefined;
  const same = earlier.filter((other) => other.category === current.category);
  return {
    previous: earlier.length,
    sameCategory: same.length,
    references: earlier.slice(0, MAX_REFERENCES).map((other) => other.reference),
    sameCategoryReferences: same.slice(0, MAX_REFERENCES).map((other) => other.reference),
    window,
  };
}

/** The flag: the customer complained about the same category within the window. */
export function isRepeat(info: RepeatInfo | undefined): info is RepeatInfo {
  return (info?.sameCategory ?? 0) > 0;
}

export function repeatSubject(complaint: Pick<Complaint, 'reference' | 'receivedAt' | 'classification'>): RepeatSubject {
  return { reference: complaint.reference, receivedAt: complaint.receivedAt, category: complaint.classification.category };
}

/** The per-customer index's sort key (gsi2sk): receipt time, then reference. */
function orderKey(subject: RepeatSubject): string {
  return `${subject.receivedAt}#${subject.reference}`;
}
