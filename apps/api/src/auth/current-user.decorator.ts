import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthUser } from './auth-user';
import { requestFrom } from './request.util';

/** The signed-in user (guaranteed by the auth guard unless the handler is @Public, then maybe null). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser | null => {
  return requestFrom(context)?.user ?? null;
});

export { GqlExecutionContext };
