import { Module } from '@nestjs/common';
import { GraphqlGatePlugin } from './graphql-gate.plugin';
import { RateLimitService } from './rate-limit.service';

/**
 * Hardening of the GraphQL endpoint: allow-list, depth and complexity limits, and rate limits
 * shared across instances through `rate_limits` (see docs/security.md). The HTTP side (security
 * headers, CORS, trust proxy) is installed by `applyHttpHardening` in bootstrap.ts.
 */
@Module({
  providers: [RateLimitService, GraphqlGatePlugin],
  exports: [RateLimitService],
})
export class SecurityModule {}
