import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { RealtimeService } from '../realtime/realtime.service';

/**
 * Liveness says the process answers; readiness says it can reach the database. The real-time
 * fan-out is reported but never fails readiness: without Redis an instance still serves reads and
 * delivers to its own sockets, so it should keep receiving traffic.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly realtime: RealtimeService,
  ) {}

  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      (): HealthIndicatorResult => {
        const fanOut = this.realtime.fanOut();
        return {
          realtime: {
            status: 'up',
            adapter: fanOut.kind,
            fanOut: fanOut.healthy ? 'connected' : 'degraded (this instance only)',
            sockets: this.realtime.localConnections(),
          },
        };
      },
    ]);
  }
}
