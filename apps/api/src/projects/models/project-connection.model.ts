import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from './page-info.model';
import { Project } from './project.model';

@ObjectType({ description: 'One page of projects, newest first.' })
export class ProjectConnection {
  @Field(() => [Project])
  nodes!: Project[];

  @Field(() => Int, { description: 'How many projects match the filter, across all pages.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
