import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ERROR_CODES, Role } from '@kindred/domain';
import { AppConfigService } from '../config/app-config.service';
import { apiError } from '../common/graphql-errors.util';
import type { AccessTokenPayload } from './auth-user';
import { RefreshTokenEntity } from './refresh-token.entity';
import { generateRefreshToken, hashRefreshToken } from './refresh-token.util';

export interface AccessToken {
  accessToken: string;
  accessTokenExpiresAt: Date;
}

export interface SessionMetadata {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

const DAY_MS = 86_400_000;

/**
 * Owns `refresh_tokens`. Access tokens are short-lived JWTs; refresh tokens are opaque, stored
 * only as a SHA-256 hash, and single-use: each refresh retires the old one.
 *
 * Every method that writes takes an optional EntityManager: inside a transaction, pass it, since
 * the embedded database has one connection and a second query outside the transaction would wait
 * for it forever.
 */
@Injectable()
export class TokensService {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    private readonly jwt: JwtService,
    private readonly config: AppConfigService,
  ) {}

  async signAccessToken(user: { id: string; role: Role }): Promise<AccessToken> {
    const payload: AccessTokenPayload = { sub: user.id, role: user.role, typ: 'access' };
    const accessToken = await this.jwt.signAsync(payload);
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, accessTokenExpiresAt: new Date(exp * 1000) };
  }

  /** Stores a new refresh token for the user and returns it (the only time it exists in clear). */
  async createRefreshToken(userId: string, manager: EntityManager = this.tokens.manager): Promise<string> {
    const repo = manager.getRepository(RefreshTokenEntity);
    // Housekeeping: a user's dead sessions go when a new one starts.
    await repo
      .createQueryBuilder()
      .delete()
      .where('user_id = :userId', { userId })
      .andWhere(`(expires_at < now() OR revoked_at < now() - interval '1 day')`)
      .execute();
    const token = generateRefreshToken();
    const expiresAt = new Date(Date.now() + this.config.get('REFRESH_TOKEN_TTL_DAYS') * DAY_MS);
    await repo.insert({ userId, tokenHash: hashRefreshToken(token), expiresAt, revokedAt: null });
    return token;
  }

  /**
   * Retires a live refresh token and returns its user. One conditional UPDATE, so of two
   * concurrent refreshes with the same token exactly one wins; unknown, expired, revoked or
   * already-used tokens get INVALID_TOKEN.
   */
  async consumeRefreshToken(token: string, manager: EntityManager = this.tokens.manager): Promise<string> {
    const result = await manager
      .getRepository(RefreshTokenEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('token_hash = :hash', { hash: hashRefreshToken(token) })
      .andWhere('revoked_at IS NULL')
      .andWhere('expires_at > now()')
      .returning('user_id')
      .execute();
    const rows = result.raw as Array<{ user_id: string }>;
    const userId = rows[0]?.user_id;
    if (!userId) throw apiError(ERROR_CODES.invalidToken, 'This refresh token is unknown, expired or already used; sign in again.', 'refreshToken');
    return userId;
  }

  /** Revokes one of the user's own live refresh tokens; false when there was none to revoke. */
  async revokeRefreshToken(userId: string, token: string): Promise<boolean> {
    const result = await this.tokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('token_hash = :hash', { hash: hashRefreshToken(token) })
      .andWhere('user_id = :userId', { userId })
      .andWhere('revoked_at IS NULL')
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Revokes every live refresh token of the user (suspension); pass the caller's transaction. */
  async revokeAllFor(userId: string, manager: EntityManager = this.tokens.manager): Promise<number> {
    const result = await manager
      .getRepository(RefreshTokenEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId', { userId })
      .andWhere('revoked_at IS NULL')
      .execute();
    return result.affected ?? 0;
  }

  async deleteAllFor(userId: string, manager: EntityManager = this.tokens.manager): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).delete({ userId });
  }

  /** Session metadata for the data export: never the hash. */
  async sessionsOf(userId: string): Promise<SessionMetadata[]> {
    const rows = await this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
    return rows.map((r) => ({ id: r.id, createdAt: r.createdAt, expiresAt: r.expiresAt, revokedAt: r.revokedAt }));
  }
}
