import { GraphQLError } from 'graphql';
import { ERROR_CODES, ErrorCode } from '@kindred/domain';

export interface FieldProblem {
  /** Path of the input field at fault, e.g. `input.title` or `email`. */
  field: string;
  message: string;
}

/** A GraphQL error with a stable code and, where one field is at fault, that field. */
export function apiError(code: ErrorCode, message: string, field?: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}), ...extra } });
}

export function badInput(field: string, message: string, code: ErrorCode = ERROR_CODES.badUserInput): GraphQLError {
  return apiError(code, message, field);
}

/** Several field problems at once: `field` names the first, `errors` lists them all. */
export function badInputs(problems: FieldProblem[]): GraphQLError {
  const first = problems[0];
  return apiError(ERROR_CODES.badUserInput, problems.map((p) => `${p.field}: ${p.message}`).join('; '), first?.field, {
    errors: problems,
  });
}

export const unauthenticated = (message = 'Sign in to do this.') => apiError(ERROR_CODES.unauthenticated, message);
export const forbidden = (message = 'You may not do this.') => apiError(ERROR_CODES.forbidden, message);
export const notFound = (what: string, field?: string) => apiError(ERROR_CODES.notFound, `${what} not found.`, field);
