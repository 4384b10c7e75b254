import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the opaque refresh token handed to the client once. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What we store instead of the token: its SHA-256. The token has full entropy, so a fast hash is
 * enough (no salt or slow hash needed) and a database leak gives nothing usable.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
