import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

export type AuthedRequest = Request & { user?: AuthUser | null };

/** The HTTP request behind a GraphQL or REST call. */
export function requestFrom(context: ExecutionContext): AuthedRequest | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req?: AuthedRequest }>().req;
  }
  if (context.getType() === 'http') return context.switchToHttp().getRequest<AuthedRequest>();
  return undefined;
}

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
