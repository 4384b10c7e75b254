import type { NextFunction, Request, Response } from 'express';
import { ERROR_CODES, LIMITS } from '@kindred/domain';

/** What body-parser attaches to the errors it raises (see the `http-errors` package). */
interface BodyParserError {
  status?: unknown;
  type?: unknown;
}

const MESSAGES: Record<string, string> = {
  'entity.too.large': `The request body is over the limit of ${(LIMITS.bodyBytes / 1_000_000).toLocaleString('en-GB')} MB.`,
  'entity.parse.failed': 'The request body is not valid JSON.',
  'charset.unsupported': 'The request body’s character set is not supported: send UTF-8.',
  'encoding.unsupported': 'The request body’s content encoding is not supported.',
  'request.aborted': 'The request was aborted before its body arrived.',
  'request.size.invalid': 'The request body’s length does not match its Content-Length.',
};

/**
 * A body the parser refused (too large, not JSON, an unknown charset) is the client's fault:
 * answer it in GraphQL's error shape with the parser's 4xx status and a code, instead of letting
 * it reach Nest's catch-all, which logs it as a server error with a stack trace. Anything else
 * passes on untouched.
 */
export function bodyParserErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const { status, type } = (error ?? {}) as BodyParserError;
  if (res.headersSent || typeof type !== 'string' || typeof status !== 'number' || status < 400 || status > 499) return next(error);
  const code = status === 413 ? ERROR_CODES.payloadTooLarge : ERROR_CODES.malformedRequest;
  res.status(status).json({ errors: [{ message: MESSAGES[type] ?? 'The request body could not be read.', extensions: { code } }] });
}
