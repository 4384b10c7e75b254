import { Global, Module } from '@nestjs/common';
import { GraphqlMetricsPlugin } from './graphql-metrics.plugin';
import { MetricsService } from './metrics.service';

/**
 * Metrics and request logging. Global so any module can count its own events through
 * MetricsService (e.g. `metrics.messagesSent.inc()`). The HTTP side (request ids, access log,
 * GET /metrics) is installed on Express by `applyHttpHardening` in bootstrap.ts.
 */
@Global()
@Module({
  providers: [MetricsService, GraphqlMetricsPlugin],
  exports: [MetricsService],
})
export class ObservabilityModule {}
