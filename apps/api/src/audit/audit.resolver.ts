import { Args, Context, Query, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator';
import { CliniciansLoader } from '../clinicians/clinicians.loader';
import { Clinician } from '../clinicians/models/clinician.model';
import { AuditService } from './audit.service';
import { PageArgs } from '../common/dto/page.args';
import { AuditEntry, AuditEntryConnection } from './models/audit-entry.model';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly clinicians: CliniciansLoader,
  ) {}

  @Roles('admin')
  @Query(() => AuditEntryConnection, { description: 'Admin only: what admins did, newest first.' })
  auditLog(@Args() args: PageArgs): Promise<AuditEntryConnection> {
    return this.audit.list(args.first ?? null, args.after ?? null);
  }

  @ResolveField(() => Clinician, { nullable: true, description: 'Who did it; null for the system or a deleted account.' })
  async actor(@Parent() entry: AuditEntry, @Context('req') req: object | undefined): Promise<Clinician | null> {
    return entry.actorId ? this.clinicians.forRequest(req).load(entry.actorId) : null;
  }
}
