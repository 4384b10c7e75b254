import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import { LIMITS } from '@kindred/domain';
import { AppModule } from './app.module';
import { AppConfigService } from './config/app-config.service';
import { bodyParserErrors } from './common/body-parser-errors.middleware';
import { createValidationPipe } from './common/validation.pipe';
import { appLogger, logFormatFrom } from './observability/json-logger';
import { restoreRequestContext } from './observability/request-id.middleware';
import { applyHttpHardening } from './security/http-hardening';

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the whole app (GraphQL, REST, static web) without listening; used by main.ts and the tests. */
export async function createApp(options: { logger?: LogLevel[] | false } = {}): Promise<NestExpressApplication> {
  const level = (process.env['LOG_LEVEL'] as LogLevel | undefined) ?? 'log';
  const logger = options.logger ?? LOG_LEVELS.slice(0, Math.max(LOG_LEVELS.indexOf(level), 1) + 1);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: appLogger(logger, logFormatFrom(process.env)),
    bodyParser: false,
  });
  app.enableShutdownHooks();
  // Request ids, access log, metrics, security headers, CORS, GET /metrics: before anything else.
  applyHttpHardening(app);
  app.useBodyParser('json', { limit: LIMITS.bodyBytes });
  app.useBodyParser('urlencoded', { limit: LIMITS.bodyBytes, extended: false });
  app.use(bodyParserErrors);
  app.use(restoreRequestContext);
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  serveWebApp(app);
  return app;
}

function webDistDir(config: AppConfigService): string | null {
  const candidates = [config.get('WEB_DIST_DIR'), resolve(__dirname, '../web'), resolve(process.cwd(), 'dist/apps/web')];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'index.html'))) ?? null;
}

/** One URL does everything: the API serves the built web app, with index.html for client routes. */
function serveWebApp(app: INestApplication): void {
  const config = app.get(AppConfigService);
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.get('/api/client-config', (_req: Request, res: Response) => {
    res.json({ tileUrl: config.get('TILE_URL'), tileAttribution: config.get('TILE_ATTRIBUTION') });
  });
  const dir = webDistDir(config);
  if (!dir) return;
  http.use(express.static(dir, { index: false, maxAge: '1h' }));
  http.get(/^\/(?!graphql|health|api\/|socket\.io).*/, (req: Request, res: Response, next: NextFunction) => {
    if (!req.accepts('html')) return next();
    res.sendFile(join(dir, 'index.html'));
  });
}
