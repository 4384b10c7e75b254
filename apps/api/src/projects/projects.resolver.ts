import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LIMITS } from '@kindred/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { notFound } from '../common/graphql-errors.util';
import { CliniciansLoader } from '../clinicians/clinicians.loader';
import { Clinician } from '../clinicians/models/clinician.model';
import { ProjectFilterInput } from './dto/project-filter.input';
import { RegisterProjectInput } from './dto/register-project.input';
import { UpdateProjectInput } from './dto/update-project.input';
import { ProjectConnection } from './models/project-connection.model';
import { Project } from './models/project.model';
import { ProjectsService } from './projects.service';

@Resolver(() => Project)
export class ProjectsResolver {
  constructor(
    private readonly service: ProjectsService,
    private readonly owners: CliniciansLoader,
  ) {}

  @Public()
  @Query(() => Project)
  project(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser | null): Promise<Project> {
    return this.service.findOne(id, user?.id ?? null);
  }

  @Public()
  @Query(() => ProjectConnection, { description: `Newest first; \`first\` at most ${LIMITS.page.maxSize}.` })
  projects(
    @CurrentUser() user: AuthUser | null,
    @Args('filter', { type: () => ProjectFilterInput, nullable: true }) filter: ProjectFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: LIMITS.page.defaultSize }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ProjectConnection> {
    return this.service.list(filter, first, after, user?.id ?? null);
  }

  @Query(() => [Project], { description: 'Your own projects, newest first.' })
  myProjects(@CurrentUser() user: AuthUser): Promise<Project[]> {
    return this.service.listMine(user.id);
  }

  @Mutation(() => Project)
  registerProject(@CurrentUser() user: AuthUser, @Args('input') input: RegisterProjectInput): Promise<Project> {
    return this.service.register(user.id, input);
  }

  @Mutation(() => Project, { description: 'Owner only.' })
  updateProject(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateProjectInput,
  ): Promise<Project> {
    return this.service.update(user.id, id, input);
  }

  @Mutation(() => Boolean, { description: 'Owner only.' })
  deleteProject(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.delete(user.id, id);
  }

  /** Batched per request, so a page of projects loads its owners in one query. */
  @ResolveField(() => Clinician)
  async owner(@Parent() project: Project, @Context('req') req: object | undefined): Promise<Clinician> {
    const owner = await this.owners.forRequest(req).load(project.ownerId);
    if (!owner) throw notFound('Project owner');
    return owner;
  }
}
