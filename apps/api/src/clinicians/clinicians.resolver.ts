import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { notFound } from '../common/graphql-errors.util';
import { CliniciansService } from './clinicians.service';
import { toAccount, toClinician } from './clinician-models.util';
import { UpdateProfileInput } from './dto/update-profile.input';
import { Account } from './models/account.model';
import { Clinician } from './models/clinician.model';

@Resolver(() => Account)
export class CliniciansResolver {
  constructor(
    private readonly clinicians: CliniciansService,
    private readonly audit: AuditService,
  ) {}

  @Query(() => Account, { description: 'The signed-in user’s account.' })
  async me(@CurrentUser() user: AuthUser): Promise<Account> {
    const account = await this.clinicians.findById(user.id);
    if (!account) throw notFound('Account');
    return toAccount(account);
  }

  @Mutation(() => Account)
  async updateProfile(@CurrentUser() user: AuthUser, @Args('input') input: UpdateProfileInput): Promise<Account> {
    return toAccount(await this.clinicians.updateProfile(user.id, input));
  }

  @Roles('admin')
  @Mutation(() => Clinician, { description: 'Admin only: sets another user’s role (e.g. grants "organiser").' })
  async grantRole(
    @CurrentUser() user: AuthUser,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role') role: string,
  ): Promise<Clinician> {
    const previousRole = (await this.clinicians.findById(userId))?.role ?? null;
    const updated = await this.clinicians.grantRole(user.id, userId, role);
    await this.audit.record({ actorId: user.id, action: 'role.grant', targetType: 'user', targetId: userId, details: { role, previousRole } });
    return toClinician(updated);
  }
}
