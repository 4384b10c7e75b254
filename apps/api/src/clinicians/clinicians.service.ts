import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { ERROR_CODES, normaliseEmail, ProfessionId, Role, ROLES } from '@kindred/domain';
import { AppConfigService } from '../config/app-config.service';
import { apiError, badInput, forbidden, notFound } from '../common/graphql-errors.util';
import { UserEntity } from './user.entity';
import type { UpdateProfileInput } from './dto/update-profile.input';

export interface NewAccount {
  email: string;
  passwordHash: string;
  displayName: string;
  profession: ProfessionId;
  specialty: string | null;
  organisation: string | null;
}

/** A sub-select over users that another module can embed without touching the users repository. */
export interface SubQuery {
  sql: string;
  params: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Serialises sign-ups so exactly one account can be the first (admin) one, even under a race. */
const FIRST_ACCOUNT_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('kindred.users.first-account'))`;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

/**
 * Owns the `users` table: accounts, public profiles and roles. Other modules go through this
 * service, never the repository.
 */
@Injectable()
export class CliniciansService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
  ) {}

  async findById(id: string): Promise<UserEntity | null> {
    if (!isUuid(id)) return null;
    return this.users.findOneBy({ id });
  }

  async findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    const valid = [...new Set(ids)].filter(isUuid);
    if (!valid.length) return [];
    return this.users.findBy({ id: In(valid) });
  }

  /**
   * The user's current role, or null when the account no longer exists or is suspended (one
   * primary-key lookup per request, so a suspension stops every token at once).
   */
  async findRole(id: string): Promise<Role | null> {
    if (!isUuid(id)) return null;
    const row = await this.users.findOne({ where: { id }, select: { id: true, role: true, suspendedAt: true } });
    return row && !row.suspendedAt ? row.role : null;
  }

  /** Whether a moderator has suspended the account; pass the caller's transaction when inside one. */
  async isSuspended(id: string, manager: EntityManager = this.users.manager): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows: Array<{ suspended: boolean }> = await manager.query(`SELECT suspended_at IS NOT NULL AS suspended FROM users WHERE id = $1`, [id]);
    return rows[0]?.suspended ?? false;
  }

  /** Marks the account suspended (keeps the first time); for moderation, inside its transaction. */
  async suspend(id: string, manager: EntityManager = this.users.manager): Promise<void> {
    await manager.query(`UPDATE users SET suspended_at = COALESCE(suspended_at, now()) WHERE id = $1`, [id]);
  }

  /** For sign-in: the account with its password hash, found case-insensitively by email. */
  async findByEmailWithPasswordHash(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  async passwordHashOf(id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const row = await this.users.createQueryBuilder('u').select('u.id').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
    return row?.passwordHash ?? null;
  }

  /**
   * Creates an account. The first account on an empty database, or one listed in ADMIN_EMAILS,
   * becomes admin; an advisory lock held for the transaction makes "first" race-free.
   */
  async createAccount(data: NewAccount): Promise<UserEntity> {
    const email = normaliseEmail(data.email);
    const emailTaken = () => apiError(ERROR_CODES.emailTaken, 'An account with this email already exists.', 'input.email');
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query(FIRST_ACCOUNT_LOCK_SQL);
        const repo = manager.getRepository(UserEntity);
        if (await repo.createQueryBuilder('u').where('lower(u.email) = :email', { email }).getExists()) throw emailTaken();
        const isFirst = !(await repo.createQueryBuilder('u').getExists());
        const role: Role = isFirst || this.config.get('ADMIN_EMAILS').includes(email) ? 'admin' : 'clinician';
        const saved = await repo.save(repo.create({ ...data, email, role }));
        return repo.findOneByOrFail({ id: saved.id });
      });
    } catch (error) {
      // Another instance may have inserted the same address between our check and insert.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  async updateProfile(id: string, input: UpdateProfileInput): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw notFound('Account');
    if (input.displayName != null) user.displayName = input.displayName;
    if (input.profession != null) user.profession = input.profession as ProfessionId;
    if (input.specialty !== undefined) user.specialty = input.specialty;
    if (input.organisation !== undefined) user.organisation = input.organisation;
    if (input.bio !== undefined) user.bio = input.bio;
    await this.users.save(user);
    return this.users.findOneByOrFail({ id });
  }

  /** Admins change other people's roles; nobody changes their own (the last admin cannot lock everyone out). */
  async grantRole(actorId: string, userId: string, role: string): Promise<UserEntity> {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw badInput('role', `role must be one of: ${ROLES.join(', ')}`);
    }
    if (userId === actorId) throw forbidden('You cannot change your own role.');
    const user = await this.findById(userId);
    if (!user) throw notFound('User', 'userId');
    await this.users.update({ id: userId }, { role: role as Role });
    return this.users.findOneByOrFail({ id: userId });
  }

  /** Deletes the account row; pass the caller's transaction so related data goes with it atomically. */
  async deleteAccount(id: string, manager: EntityManager = this.users.manager): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await manager.getRepository(UserEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** `SELECT id FROM users WHERE profession = …`, for filtering another table by its owner's profession. */
  idsWithProfessionQuery(profession: string): SubQuery {
    const qb = this.users.createQueryBuilder('filter_user').select('filter_user.id').where('filter_user.profession = :ownerProfession', {
      ownerProfession: profession,
    });
    return { sql: qb.getQuery(), params: qb.getParameters() };
  }
}
