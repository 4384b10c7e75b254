import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Indicator } from './indicator.model';

@ObjectType({ description: 'One area of an indicator with its need, the action registered in it, and the gap between them.' })
export class GapArea {
  @Field({ description: 'The area code from the CSV (e.g. an ONS/GSS code).' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => Float, { description: "The area's centre." })
  lat!: number;

  @Field(() => Float)
  lng!: number;

  @Field(() => Float, { description: "The indicator's value for the area, in the indicator's unit." })
  value!: number;

  @Field(() => Float, { description: 'Percentile rank of need among the areas, 0..1 (1 = most need).' })
  needScore!: number;

  @Field(() => Int, { description: 'Matching projects whose shown (rounded) point lies in the area.' })
  projects!: number;

  @Field(() => Float, { description: 'Percentile rank of projects among the areas, 0..1 (0 = least action).' })
  actionScore!: number;

  @Field(() => Float, { description: 'needScore minus actionScore, never below 0.' })
  gap!: number;

  @Field({ description: 'gap >= 0.5: drawn outlined and hatched.' })
  highGap!: boolean;

  @Field({ description: 'e.g. "High need, little action".' })
  label!: string;
}

@ObjectType({ description: 'An H3 hexagon of UK land and the area it belongs to, for drawing the choropleth.' })
export class GapHex {
  @Field({ description: 'H3 cell index (resolution in GapLayer.hexResolution).' })
  h3!: string;

  @Field()
  areaCode!: string;
}

@ObjectType({ description: 'Need against action for every area of an indicator, under the same filter as the map.' })
export class GapLayer {
  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => [GapArea], { description: 'Largest gap first (then most need, then name).' })
  areas!: GapArea[];

  @Field(() => [GapHex], { description: 'Land hexagons with their area: the nearest centre within radiusKm (hexagons beyond every area are left out); an area that would own none takes the one nearest its centre.' })
  hexes!: GapHex[];

  @Field(() => Int)
  hexResolution!: number;

  @Field(() => Int, { description: 'An area reaches at most this far from its centre.' })
  radiusKm!: number;

  @Field(() => Int, { description: 'Matching projects counted in some area.' })
  assignedProjects!: number;

  @Field(() => Int, { description: 'Matching projects farther than radiusKm from every area centre.' })
  unassignedProjects!: number;
}
