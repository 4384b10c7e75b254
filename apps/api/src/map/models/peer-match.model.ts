import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Clinician } from '../../clinicians/models/clinician.model';
import { PageInfo } from '../../projects/models/page-info.model';
import { Project } from '../../projects/models/project.model';
import { Theme } from '../../projects/models/theme.model';

@ObjectType({ description: 'Another clinician near me in place and purpose, with their best-matching project.' })
export class PeerMatch {
  @Field(() => Clinician)
  clinician!: Clinician;

  @Field(() => Project)
  project!: Project;

  @Field(() => Float, { description: '0..1: theme overlap sets the ceiling, distance decays it (scale: a tenth of the radius, 2-20 km).' })
  score!: number;

  @Field(() => [Theme])
  sharedThemes!: Theme[];

  @Field(() => Int, { description: 'Distance to their shown (rounded) point, itself rounded for display.' })
  distanceKm!: number;

  @Field({ description: 'e.g. "about 8 km" or "under 2 km".' })
  distanceLabel!: string;

  @Field({ description: 'e.g. "3 shared themes: housing, food insecurity, child poverty; about 8 km".' })
  reason!: string;
}

@ObjectType()
export class PeerConnection {
  @Field(() => [PeerMatch])
  nodes!: PeerMatch[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [Theme], { description: 'The themes that were matched against.' })
  themes!: Theme[];

  @Field(() => Int)
  radiusKm!: number;

  @Field({
    description:
      'True when the order is proven exact, as it is unless a search would have to walk more than 65,536 distinct points; then the page is the best among the points walked.',
  })
  exact!: boolean;
}

@ObjectType({ description: 'Projects like one of mine anywhere in the UK: most shared themes first, then nearest.' })
export class SimilarProjectConnection {
  @Field(() => [PeerMatch])
  nodes!: PeerMatch[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [Theme], { description: "My project's themes, matched against." })
  themes!: Theme[];
}
