import { createHash, timingSafeEqual } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import helmet from 'helmet';
import { AppConfigService } from '../config/app-config.service';
import { httpObserver } from '../observability/http-observer.middleware';
import { logFormatFrom } from '../observability/json-logger';
import { MetricsService } from '../observability/metrics.service';
import { requestIdMiddleware } from '../observability/request-id.middleware';
import { bearerToken } from '../auth/request.util';
import { trustProxySetting } from './client-address.util';

/**
 * The HTTP half of hardening and observability, installed first on Express (before the body
 * parsers, GraphQL and the web app): trust proxy, request ids, access log and latency metrics,
 * security headers, CORS and GET /metrics. See docs/security.md for the reasoning.
 */
export function applyHttpHardening(app: NestExpressApplication): void {
  const config = app.get(AppConfigService);
  const metrics = app.get(MetricsService);
  const http = app.getHttpAdapter().getInstance() as Express;

  const trustProxy = trustProxySetting(config.get('TRUST_PROXY'));
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);

  app.use(requestIdMiddleware);
  app.use(httpObserver(metrics, logFormatFrom({ LOG_FORMAT: config.get('LOG_FORMAT'), NODE_ENV: config.get('NODE_ENV') })));
  app.use(helmet(helmetOptions(config)));

  const origins = config.get('CORS_ORIGINS');
  if (origins.length) {
    app.enableCors({
      origin: origins,
      // Tokens travel in the Authorization header, never in cookies: nothing ambient to share.
      credentials: false,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
  }

  http.get('/metrics', metricsHandler(metrics, config.get('METRICS_TOKEN')));
}

/** Where map tiles come from, as a CSP source: `https://{s}.tile.example.org/...` → `https://*.tile.example.org`. */
export function tileSource(tileUrl: string): string | null {
  if (!tileUrl) return null;
  try {
    const url = new URL(tileUrl.replace(/\{s\}/g, 'kindred-subdomain'));
    return `${url.protocol}//${url.host.replace('kindred-subdomain', '*')}`;
  } catch {
    return null;
  }
}

/** The web socket origin of the public URL (browsers before CSP 3 do not cover ws: with 'self'). */
function socketSource(publicUrl: string | undefined): string | null {
  if (!publicUrl) return null;
  const url = new URL(publicUrl);
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}

export function helmetOptions(config: AppConfigService): Parameters<typeof helmet>[0] {
  const publicUrl = config.get('PUBLIC_URL');
  const https = publicUrl?.startsWith('https://') ?? false;
  const tiles = tileSource(config.get('TILE_URL'));
  const socket = socketSource(publicUrl);
  return {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        // The built SPA is module scripts from our origin only: no inline script, no eval.
        'script-src': ["'self'"],
        // Leaflet and its marker clusters write style attributes in their HTML.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        'connect-src': ["'self'", ...(socket ? [socket] : [])],
        'font-src': ["'self'", 'data:'],
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        // Only behind HTTPS: on plain http (development, tests) it would break same-origin requests.
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    // Tile servers (OpenStreetMap's usage policy) want to know the site: send the origin, no path.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Same as frame-ancestors 'none', for browsers without CSP 2.
    xFrameOptions: { action: 'deny' },
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
function metricsHandler(metrics: MetricsService, token: string | undefined) {
  return async (req: Request, res: Response): Promise<void> => {
    if (token) {
      const given = bearerToken(req.headers.authorization);
      if (!given || !sameSecret(given, token)) {
        res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').json({ error: 'A valid metrics token is required.' });
        return;
      }
    }
    res.set('Content-Type', metrics.registry.contentType);
    res.set('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  };
}
