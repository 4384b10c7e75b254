import { Logger, type LogLevel } from '@nestjs/common';
import { appLogger, JsonLogger, logFormatFrom } from './json-logger';
import { requestContext } from './request-context';

function capture(levels: LogLevel[] = ['error', 'warn', 'log']) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = new JsonLogger(levels, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { logger, lines };
}

describe('JsonLogger', () => {
  it('prints one JSON object per line with time, level, context, message and the request id', () => {
    const { logger, lines } = capture();
    requestContext.run({ requestId: 'req-42' }, () => logger.log('Project registered', 'ProjectsService'));
    expect(lines).toEqual([{ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: 'log', context: 'ProjectsService', message: 'Project registered', requestId: 'req-42' }]);
  });

  it('leaves the request id out outside a request, and spreads object messages', () => {
    const { logger, lines } = capture();
    logger.log({ message: 'POST /graphql 200', method: 'POST', status: 200, ms: 12.5 }, 'HTTP');
    expect(lines[0]).toEqual({ time: expect.any(String), level: 'log', context: 'HTTP', message: 'POST /graphql 200', method: 'POST', status: 200, ms: 12.5 });
  });

  it('keeps the stack of an error and honours the levels', () => {
    const { logger, lines } = capture(['error']);
    logger.log('quiet');
    logger.warn('quiet too');
    logger.error('Digest failed', 'Error: boom\n    at x', 'DigestService');
    expect(lines).toEqual([{ time: expect.any(String), level: 'error', context: 'DigestService', message: 'Digest failed', stack: 'Error: boom\n    at x' }]);
    logger.setLogLevels(['debug']);
    logger.debug('now visible');
    expect(lines[1]).toMatchObject({ level: 'debug', message: 'now visible' });
  });

  it('serves Nest Logger instances once installed', () => {
    const { logger, lines } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('Alerts').warn('No SMTP_URL: digests go to the log');
    } finally {
      Logger.overrideLogger(true);
    }
    expect(lines[0]).toMatchObject({ level: 'warn', context: 'Alerts', message: 'No SMTP_URL: digests go to the log' });
  });
});

describe('log format', () => {
  it('defaults to json in production and text elsewhere; LOG_FORMAT wins', () => {
    expect(logFormatFrom({ NODE_ENV: 'production' })).toBe('json');
    expect(logFormatFrom({})).toBe('text');
    expect(logFormatFrom({ NODE_ENV: 'production', LOG_FORMAT: 'text' })).toBe('text');
    expect(logFormatFrom({ LOG_FORMAT: 'json' })).toBe('json');
  });

  it('hands Nest a JsonLogger only in json mode', () => {
    expect(appLogger(['log'], 'text')).toEqual(['log']);
    expect(appLogger(false, 'json')).toBe(false);
    expect(appLogger(['log'], 'json')).toBeInstanceOf(JsonLogger);
  });
});
