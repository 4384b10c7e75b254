import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@kindred/domain';
import { forbidden, unauthenticated } from '../common/graphql-errors.util';
import { CliniciansService } from '../clinicians/clinicians.service';
import type { AccessTokenPayload, AuthUser } from './auth-user';
import { IS_PUBLIC } from './public.decorator';
import { bearerToken, requestFrom } from './request.util';
import { REQUIRED_ROLES } from './roles.decorator';

/**
 * Global guard, deny by default: every resolver and route needs a valid access token unless it is
 * marked @Public(). A present but invalid token is refused even on public handlers, so a client
 * learns at once that it must refresh.
 *
 * The token proves who is asking; what they may do comes from the database (one primary-key
 * lookup per request), so a deleted account's token stops working at once and role changes apply
 * to the next request rather than at the next refresh.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly clinicians: CliniciansService,
  ) {}

  /** One GraphQL request may run the guard once per root field: check the token once per request. */
  private readonly verified = new WeakMap<object, Promise<AuthUser | null>>();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const req = requestFrom(context);
    if (!req) return isPublic;

    const token = bearerToken(req.headers.authorization);
    req.user = null;
    if (token) {
      let pending = this.verified.get(req);
      if (!pending) {
        pending = this.verify(token);
        this.verified.set(req, pending);
      }
      req.user = await pending;
      if (!req.user) throw unauthenticated('Your session has expired or the token is invalid; sign in again.');
    }
    if (isPublic) return true;
    if (!req.user) throw unauthenticated();

    const roles = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets);
    if (roles?.length && req.user.role !== 'admin' && !roles.includes(req.user.role)) {
      throw forbidden(`This needs the ${roles.join(' or ')} role.`);
    }
    return true;
  }

  private async verify(token: string): Promise<AuthUser | null> {
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
      if (payload.typ !== 'access' || typeof payload.sub !== 'string') return null;
    } catch {
      return null;
    }
    const role = await this.clinicians.findRole(payload.sub);
    return role ? { id: payload.sub, role } : null;
  }
}
