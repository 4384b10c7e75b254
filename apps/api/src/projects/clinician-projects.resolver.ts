import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { badInput } from '../common/graphql-errors.util';
import { Clinician } from '../clinicians/models/clinician.model';
import { Project } from './models/project.model';
import { ProjectsService } from './projects.service';

const MAX = 20;

/** A person's public projects, wherever a Clinician appears (e.g. beside a message request). */
@Resolver(() => Clinician)
export class ClinicianProjectsResolver {
  constructor(private readonly service: ProjectsService) {}

  @ResolveField(() => [Project], { description: `Their projects anyone can see, newest first; \`first\` 1 to ${MAX}.` })
  async projects(
    @Parent() clinician: Clinician,
    @CurrentUser() viewer: AuthUser | null,
    @Args('first', { type: () => Int, defaultValue: 5 }) first: number,
  ): Promise<Project[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX) throw badInput('first', `first must be between 1 and ${MAX}.`);
    return (await this.service.list({ ownerId: clinician.id }, first, null, viewer?.id ?? null)).nodes;
  }
}
