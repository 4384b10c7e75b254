import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CliniciansService } from '../clinicians/clinicians.service';
import { toClinician } from '../clinicians/clinician-models.util';
import { BlocksService } from './blocks.service';
import { UserIdArgs } from './dto/user-id.args';
import { BlockedUser } from './models/blocked-user.model';

/** Signed in only; each user manages only their own blocks. */
@Resolver()
export class BlocksResolver {
  constructor(
    private readonly blocks: BlocksService,
    private readonly clinicians: CliniciansService,
  ) {}

  @Query(() => [BlockedUser], { description: 'The people you have blocked, most recent first.' })
  async myBlocks(@CurrentUser() user: AuthUser): Promise<BlockedUser[]> {
    const rows = await this.blocks.blockedBy(user.id);
    const users = new Map((await this.clinicians.findByIds(rows.map((r) => r.userId))).map((u) => [u.id, u]));
    return rows.flatMap((r) => {
      const u = users.get(r.userId);
      return u ? [{ user: toClinician(u), blockedAt: r.blockedAt }] : [];
    });
  }

  @Mutation(() => Boolean, { description: 'Blocks someone: no new conversations or messages either way, hidden from each other’s peers.' })
  blockUser(@CurrentUser() user: AuthUser, @Args() args: UserIdArgs): Promise<boolean> {
    return this.blocks.block(user.id, args.userId);
  }

  @Mutation(() => Boolean, { description: 'Lifts your block; false when there was none.' })
  unblockUser(@CurrentUser() user: AuthUser, @Args() args: UserIdArgs): Promise<boolean> {
    return this.blocks.unblock(user.id, args.userId);
  }
}
