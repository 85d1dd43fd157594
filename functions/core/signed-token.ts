import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact HMAC-signed tokens for links in emails (feedback ratings, agent reply addresses):
 * `<base64url payload>.<base64url HMAC-SHA256>`. Nothing secret is in the payload; what matters is
 * that nobody without the key can make or alter one.
 */
export interface TokenClaims {
  /** What the token is for, so a token minted for one purpose is refused for another. */
  purpose: string;
  reference: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type TokenCheck = { valid: true; claims: TokenClaims } | { valid: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'wrong-purpose' };

export function signToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify([claims.purpose, claims.reference, claims.exp])).toString('base64url');
  return `${payload}.${signature(payload, secret)}`;
}

export function verifyToken(token: string, purpose: string, secret: string, now: Date): TokenCheck {
  const [payload, mac, ...rest] = token.split('.');
  if (!payload || !mac || rest.length > 0) return { valid: false, reason: 'malformed' };
  const expected = Buffer.from(signature(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { valid: false, reason: 'bad-signature' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) return { valid: false, reason: 'malformed' };
  const [tokenPurpose, reference, exp] = decoded as unknown[];
  if (typeof tokenPurpose !== 'string' || typeof reference !== 'string' || typeof exp !== 'number') return { valid: false, reason: 'malformed' };
  if (tokenPurpose !== purpose) return { valid: false, reason: 'wrong-purpose' };
  if (exp * 1000 < now.getTime()) return { valid: false, reason: 'expired' };
  return { valid: true, claims: { purpose: tokenPurpose, reference, exp } };
}

function signature(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
