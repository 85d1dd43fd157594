import { createHash } from 'node:crypto';

/** No 0/O, 1/I: a reference read aloud on the phone or copied by hand survives. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const REFERENCE_PATTERN = /\bCMP-([2-9A-HJ-NP-Z]{6})\b/;

/**
 * The reference for the n-th attempt at storing the complaint opened by one inbound message.
 * Deterministic, so a redelivered message finds the complaint it already opened; the attempt
 * number moves past the rare collision with another message's reference.
 */
export function referenceFor(sourceMessageId: string, attempt = 0): string {
  const digest = createHash('sha256').update(`${sourceMessageId}#${attempt}`).digest();
  let code = '';
  for (let i = 0; i < 6; i += 1) code += REFERENCE_ALPHABET[digest[i]! % REFERENCE_ALPHABET.length];
  return `CMP-${code}`;
}

export function findReference(text: string): string | undefined {
  const match = REFERENCE_PATTERN.exec(text.toUpperCase());
  return match ? `CMP-${match[1]}` : undefined;
}
