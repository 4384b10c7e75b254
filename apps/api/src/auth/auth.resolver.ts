import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { SignInInput } from './dto/sign-in.input';
import { SignUpInput } from './dto/sign-up.input';
import { AuthPayload } from './models/auth-payload.model';
import { Public } from './public.decorator';

@Resolver(() => AuthPayload)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Creates an account; the first account on an empty database is admin.' })
  signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    return this.auth.signUp(input);
  }

  @Public()
  @Mutation(() => AuthPayload)
  signIn(@Args('input') input: SignInInput): Promise<AuthPayload> {
    return this.auth.signIn(input);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Rotates the refresh token: the one sent stops working.' })
  refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.auth.refreshSession(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Revokes that refresh token; false when it was not a live token of yours.' })
  signOut(@CurrentUser() user: AuthUser, @Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.signOut(user.id, refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Deletes your account, your projects and your sessions. Needs your password.' })
  deleteAccount(@CurrentUser() user: AuthUser, @Args('password') password: string): Promise<boolean> {
    return this.auth.deleteAccount(user.id, password);
  }
}
