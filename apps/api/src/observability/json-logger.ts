import type { LoggerService, LogLevel } from '@nestjs/common';
import { currentRequestId } from './request-context';

type Fields = Record<string, unknown>;

/** Lines are written whole with one `write`, so lines from concurrent requests never interleave. */
export type LineWriter = (line: string, level: LogLevel) => void;

const defaultWriter: LineWriter = (line, level) => {
  (level === 'error' || level === 'fatal' ? process.stderr : process.stdout).write(`${line}\n`);
};

function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Error);
}

/**
 * Nest logger for `LOG_FORMAT=json`: one JSON object per line,
 * `{ time, level, context, message, requestId, ...fields }`, for log shippers (Loki, CloudWatch,
 * Elastic). `requestId` comes from the request being handled (AsyncLocalStorage). A plain object
 * as the message is spread into the line (`logger.log({ message: 'done', ms: 12 })`).
 */
export class JsonLogger implements LoggerService {
  private levels: Set<LogLevel>;

  constructor(
    levels: LogLevel[],
    private readonly write: LineWriter = defaultWriter,
  ) {
    this.levels = new Set(levels);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.levels = new Set(levels);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.print('log', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.print('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.print('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.print('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.print('verbose', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.print('fatal', message, rest);
  }

  private print(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.has(level)) return;
    const params = [...rest];
    // Nest's Logger passes its context as the last argument.
    const context = params.length && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const line: Fields = { time: new Date().toISOString(), level, context };
    if (isPlainObject(message)) Object.assign(line, message);
    else if (message instanceof Error) Object.assign(line, { message: message.message, stack: message.stack });
    else line['message'] = typeof message === 'string' ? message : String(message);
    // `logger.error(message, stack)`: the stack arrives as the one remaining string.
    if (level === 'error' && typeof params[0] === 'string') line['stack'] = params.shift();
    if (params.length) line['details'] = params.map((p) => (p instanceof Error ? { message: p.message, stack: p.stack } : p));
    const requestId = currentRequestId();
    if (requestId && line['requestId'] === undefined) line['requestId'] = requestId;
    this.write(safeStringify(line), level);
  }
}

function safeStringify(value: Fields): string {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify({ time: value['time'], level: value['level'], context: value['context'], message: String(value['message']) });
  }
}

export type LogFormat = 'json' | 'text';

/** `LOG_FORMAT`, else json in production and text elsewhere. Read before the configuration module exists. */
export function logFormatFrom(env: Record<string, string | undefined>): LogFormat {
  const format = env['LOG_FORMAT'];
  if (format === 'json' || format === 'text') return format;
  return env['NODE_ENV'] === 'production' ? 'json' : 'text';
}

/** What to hand NestFactory: the level list (Nest's console logger) in text mode, a JsonLogger in json mode. */
export function appLogger(levels: LogLevel[] | false, format: LogFormat): LoggerService | LogLevel[] | false {
  if (levels === false || format === 'text') return levels;
  return new JsonLogger(levels);
}
