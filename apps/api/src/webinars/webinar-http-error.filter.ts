import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@kindred/domain';

const STATUS: Record<string, number> = {
  [ERROR_CODES.unauthenticated]: 401,
  [ERROR_CODES.invalidToken]: 401,
  [ERROR_CODES.forbidden]: 403,
  [ERROR_CODES.notFound]: 404,
  [ERROR_CODES.suspended]: 403,
};

/**
 * The WHAMinar REST routes share the services (and the auth guard) of the GraphQL API, which
 * refuse with coded GraphQL errors; here they become HTTP answers: 401, 403, 404 or 400, with the
 * same `{ code, message, field }` as JSON.
 */
@Catch(GraphQLError)
export class WebinarHttpErrorFilter implements ExceptionFilter {
  catch(error: GraphQLError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const code = typeof error.extensions['code'] === 'string' ? error.extensions['code'] : 'BAD_REQUEST';
    const field = typeof error.extensions['field'] === 'string' ? error.extensions['field'] : undefined;
    res
      .status(STATUS[code] ?? 400)
      .json({ code, message: error.message, ...(field ? { field } : {}) });
  }
}
