import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppConfigService } from '../config/app-config.service';

/**
 * The configured JWT secret; in development, without one, a random secret kept beside the embedded
 * database so tokens survive restarts. Production must set JWT_SECRET (several instances share it).
 */
export function resolveJwtSecret(config: AppConfigService): string {
  const configured = config.get('JWT_SECRET');
  if (configured) return configured;
  if (config.get('NODE_ENV') === 'production') {
    throw new Error('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production (at least 32 characters)');
  }
  const dir = config.get('EMBEDDED_DB_DIR');
  if (dir === ':memory:') return randomBytes(32).toString('hex');
  const file = resolve(dirname(resolve(dir)), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
