import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id we pass on as it is: what proxies and tracing tools send, nothing that could forge a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export type RequestWithId = Request & { requestId?: string };

/** The id a load balancer or client sent when it looks sane, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * First middleware of every request: picks its id, echoes it in `X-Request-Id` and runs the rest
 * of the request inside the AsyncLocalStorage context that loggers and the audit log read.
 */
export function requestIdMiddleware(req: RequestWithId, res: Response, next: NextFunction): void {
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.requestId = requestId;
  res.setHeader('X-Request-Id', requestId);
  requestContext.run({ requestId }, next);
}

/**
 * The body parsers resume the request from the socket's stream events, outside the context set
 * above: re-enter it once the body is read (install right after the body parsers).
 */
export function restoreRequestContext(req: RequestWithId, _res: Response, next: NextFunction): void {
  if (!req.requestId || requestContext.getStore()?.requestId === req.requestId) return next();
  requestContext.run({ requestId: req.requestId }, next);
}
