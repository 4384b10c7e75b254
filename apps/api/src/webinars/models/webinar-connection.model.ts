import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../projects/models/page-info.model';
import { Theme } from '../../projects/models/theme.model';
import { Webinar } from './webinar.model';

@ObjectType({ description: 'One page of WHAMinars: upcoming soonest first, or past most recent first.' })
export class WebinarConnection {
  @Field(() => [Webinar])
  nodes!: Webinar[];

  @Field(() => Int, { description: 'How many match the filter, across all pages.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'A WHAMinar suggested for the viewer, with why.' })
export class RecommendedWebinar {
  @Field(() => Webinar)
  webinar!: Webinar;

  @Field(() => [Theme], { description: 'Its themes that the viewer’s projects work on.' })
  sharedThemes!: Theme[];

  @Field({ description: 'e.g. "2 themes of your projects: housing, food insecurity" or "Coming up soon".' })
  reason!: string;
}
