import { createHmac } from 'node:crypto';

/**
 * A stable stand-in for an email address wherever we may not write the address itself (logs, the
 * erasure audit): HMAC-SHA256 of the lower-cased address under the signing key, first 16 hex
 * characters. Keyed rather than a plain SHA-256 because addresses are guessable: whoever reads the
 * logs must not be able to confirm "was jane@example.com here?" by hashing a list of addresses.
 * An operator with the key runs `npx complaints hash <email>` to grep the logs for one person.
 * Rotating the signing key changes every hash (older log lines then need the old key).
 */
export function addressHash(address: string, secret: string): string {
  return createHmac('sha256', secret).update(`address-hash:v1\n${address.trim().toLowerCase()}`).digest('hex').slice(0, 16);
}

// Loose on purpose: anything address-shaped goes, including addresses inside <…> and quoted lists.
const ADDRESS_PATTERN = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Replaces every address in a text meant for logs or a dead-letter reason ("[address]"). Error
 * messages from SES and the SDK can carry recipient addresses ("…failed the check: jane@…").
 */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS_PATTERN, '[address]');
}

/** The same error with the addresses taken out of its message and stack (type, name and cause kept). */
export function redactError<T>(error: T): T {
  if (error instanceof Error) {
    error.message = redactAddresses(error.message);
    if (error.stack) error.stack = redactAddresses(error.stack);
  }
  return error;
}
