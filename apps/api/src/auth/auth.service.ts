import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ERROR_CODES, LIMITS, passwordWeakness, ProfessionId } from '@kindred/domain';
import { apiError, unauthenticated } from '../common/graphql-errors.util';
import { CliniciansService } from '../clinicians/clinicians.service';
import { toAccount } from '../clinicians/clinician-models.util';
import type { UserEntity } from '../clinicians/user.entity';
import { ProjectsService } from '../projects/projects.service';
import type { SignInInput } from './dto/sign-in.input';
import type { SignUpInput } from './dto/sign-up.input';
import type { AuthPayload } from './models/auth-payload.model';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hashing.util';
import { RealtimeService } from '../realtime/realtime.service';
import { TokensService } from './tokens.service';

const invalidCredentials = () => apiError(ERROR_CODES.invalidCredentials, 'Email or password is not right.');
const suspended = () => apiError(ERROR_CODES.suspended, 'This account has been suspended by a moderator.');

/** Sign-up, sign-in, session refresh and sign-out, and account deletion (which needs the password). */
@Injectable()
export class AuthService {
  constructor(
    private readonly clinicians: CliniciansService,
    private readonly projects: ProjectsService,
    private readonly tokens: TokensService,
    private readonly dataSource: DataSource,
    private readonly realtime: RealtimeService,
  ) {}

  async signUp(input: SignUpInput): Promise<AuthPayload> {
    const weakness = passwordWeakness(input.password, input.email);
    if (weakness) throw apiError(ERROR_CODES.weakPassword, weakness, 'input.password');
    const user = await this.clinicians.createAccount({
      email: input.email,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName,
      profession: input.profession as ProfessionId,
      specialty: input.specialty ?? null,
      organisation: input.organisation ?? null,
    });
    return this.startSession(user);
  }

  async signIn(input: SignInInput): Promise<AuthPayload> {
    // Too long to be anyone's password: refuse without hashing a huge string.
    if (input.password.length > LIMITS.password.max) throw invalidCredentials();
    const user = await this.clinicians.findByEmailWithPasswordHash(input.email);
    const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
    if (!user || !ok) throw invalidCredentials();
    if (user.suspendedAt) throw suspended();
    return this.startSession(user);
  }

  /** Trades a refresh token for a new pair; the old refresh token stops working. */
  async refreshSession(refreshToken: string): Promise<AuthPayload> {
    const { userId, nextRefreshToken } = await this.dataSource.transaction(async (manager) => {
      const owner = await this.tokens.consumeRefreshToken(refreshToken, manager);
      // Suspension revokes every refresh token; this also covers one issued in the same instant.
      if (await this.clinicians.isSuspended(owner, manager)) throw suspended();
      return { userId: owner, nextRefreshToken: await this.tokens.createRefreshToken(owner, manager) };
    });
    const user = await this.clinicians.findById(userId);
    if (!user) throw apiError(ERROR_CODES.invalidToken, 'This account no longer exists.', 'refreshToken');
    return { ...(await this.tokens.signAccessToken(user)), refreshToken: nextRefreshToken, account: toAccount(user) };
  }

  signOut(userId: string, refreshToken: string): Promise<boolean> {
    return this.tokens.revokeRefreshToken(userId, refreshToken);
  }

  /** Removes the account, its projects and its sessions, in one transaction, after checking the password. */
  async deleteAccount(userId: string, password: string): Promise<boolean> {
    const hash = await this.clinicians.passwordHashOf(userId);
    if (!hash) throw unauthenticated('This account no longer exists.');
    if (password.length > LIMITS.password.max || !(await verifyPassword(hash, password))) {
      throw apiError(ERROR_CODES.invalidCredentials, 'That password is not right.', 'password');
    }
    await this.dataSource.transaction(async (manager) => {
      // Their words go with them: messages keep their place in others' conversations, shown as
      // deleted, with no author and no text.
      await manager.query(
        `UPDATE messages SET body = '(deleted)', mention_ids = '{}', deleted_at = coalesce(deleted_at, now()) WHERE author_id = $1`,
        [userId],
      );
      await this.projects.deleteAllOwnedBy(userId, manager);
      await this.tokens.deleteAllFor(userId, manager);
      await this.clinicians.deleteAccount(userId, manager);
    });
    this.realtime.disconnectUser(userId, 'account-deleted');
    return true;
  }

  private async startSession(user: UserEntity): Promise<AuthPayload> {
    const refreshToken = await this.tokens.createRefreshToken(user.id);
    return { ...(await this.tokens.signAccessToken(user)), refreshToken, account: toAccount(user) };
  }
}
