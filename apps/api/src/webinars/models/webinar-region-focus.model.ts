import { Field, ObjectType } from '@nestjs/graphql';
import { Point } from '../../projects/models/point.model';

@ObjectType({ description: 'The part of the UK a WHAMinar is about.' })
export class WebinarRegionFocus {
  @Field({ description: 'England | Scotland | Wales | Northern Ireland' })
  region!: string;

  @Field(() => Point, { nullable: true, description: 'Where it shows on the map layer; null: not on the map.' })
  point!: Point | null;

  @Field(() => String, { nullable: true })
  placeName!: string | null;
}
