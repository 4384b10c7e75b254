import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Kindred reads, with its default. Keep `.env.example` in step. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  EMBEDDED_DB_DIR: z.string().min(1).default('.kindred/data'),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MIGRATIONS_RUN: bool.default('true'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ADMIN_EMAILS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean)),
  SEED_DEMO: bool.default('true'),
  SEED_DEMO_COUNT: z.coerce.number().int().min(0).max(100000).default(300),
  WEB_DIST_DIR: z.string().optional().or(z.literal('').transform(() => undefined)),
  TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  TILE_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  HEATMAP_MIN_CELL_COUNT: z.coerce.number().int().min(1).max(100).default(3),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^\s]+$/, 'must start with redis:// or rediss://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REALTIME_ADAPTER: z.enum(['auto', 'none', 'postgres', 'redis']).default('auto'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  GRAPHQL_SCHEMA_FILE: z.string().optional().or(z.literal('').transform(() => undefined)),
  // Hardening (docs/security.md)
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).max(1_000_000).default(2000),
  GRAPHQL_ALLOWLIST: z.string().optional().or(z.literal('').transform(() => undefined)),
  RATE_LIMITS_ENABLED: bool.default('true'),
  RATE_LIMIT_SIGN_IN_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_SIGN_IN_PER_IP: z.coerce.number().int().min(1).default(50),
  RATE_LIMIT_SIGN_UP_PER_IP: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_MUTATIONS_PER_USER: z.coerce.number().int().min(1).default(120),
  TRUST_PROXY: z
    .string()
    .regex(/^[\w.:/, -]+$/, 'must be true, false, a hop count, or comma-separated addresses/subnets')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean))
    .refine((list) => list.every((o) => /^https?:\/\/[^/\s]+$/.test(o)), 'must be a comma-separated list of origins like https://app.example.org'),
  LOG_FORMAT: z.enum(['json', 'text']).optional().or(z.literal('').transform(() => undefined)),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
});

export type AppConfig = z.infer<typeof envSchema>;

/** Parses the environment, failing with one readable line per bad variable. */
export function parseEnv(env: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
