import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import type { LogFormat } from './json-logger';
import type { MetricsService } from './metrics.service';
import type { RequestWithId } from './request-id.middleware';

type ObservedRequest = RequestWithId & { user?: AuthUser | null };

/** Routes we name in metrics; anything else is static files or the web app (bounded label values). */
const KNOWN_ROUTES = ['/graphql', '/health/live', '/health/ready', '/metrics', '/api/client-config', '/socket.io'];

/** The path as logged: capability tokens in paths (the private calendar feed) are masked. */
export function loggedPath(path: string): string {
  return path.replace(/^\/api\/calendar\/[^/]+$/, '/api/calendar/:token.ics');
}

export function routeLabel(path: string): string {
  const known = KNOWN_ROUTES.find((route) => path === route || path.startsWith(`${route}/`));
  if (known) return known;
  if (path.startsWith('/api/')) return '/api/*';
  if (path.startsWith('/assets/')) return '/assets/*';
  return 'web';
}

/**
 * Times every HTTP request into the latency histogram and logs it once it ends: method, path
 * (never the query string, and no calendar-feed token), status, duration, request id
 * and the signed-in user when the auth guard found one. At `log` level in json mode (log
 * shippers want every request), at `debug` in text mode (a calm terminal during development).
 */
export function httpObserver(metrics: MetricsService, format: LogFormat) {
  const logger = new Logger('HTTP');
  return (req: ObservedRequest, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // originalUrl: mounted middleware (Apollo at /graphql) rewrites req.url while it runs.
      const path = loggedPath(((req as Request).originalUrl ?? req.url).split('?')[0] ?? '/');
      const status = res.headersSent ? res.statusCode : 499;
      metrics.httpRequestDuration.observe({ method: req.method, route: routeLabel(path), status: String(status) }, seconds);
      const ms = Math.round(seconds * 10_000) / 10;
      const userId = req.user?.id;
      if (format === 'json') {
        logger.log({ message: `${req.method} ${path} ${status}`, method: req.method, path, status, ms, requestId: req.requestId, userId });
      } else {
        logger.debug(`${req.method} ${path} ${status} ${ms} ms${userId ? ` user=${userId}` : ''} rid=${req.requestId ?? '-'}`);
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}
