import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Point } from '../../projects/models/point.model';
import { Theme } from '../../projects/models/theme.model';

@ObjectType({ description: 'A saved area: tells you when a matching project is registered there. Only ever your own.' })
export class Alert {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Point, { nullable: true, description: 'Centre of the area; null for a region alert.' })
  centre!: Point | null;

  @Field(() => Int, { nullable: true, description: 'Radius around the centre in km (1 to 200); null for a region alert.' })
  radiusKm!: number | null;

  @Field(() => String, { nullable: true, description: 'England, Scotland, Wales or Northern Ireland; null for a centre-and-radius alert.' })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'The place the centre is named after, e.g. "Leeds".' })
  placeName!: string | null;

  @Field(() => [Theme], { description: 'Projects on any of these themes match; empty: any theme.' })
  themes!: Theme[];

  @Field({ description: 'Also send matches in the daily email digest.' })
  emailDigest!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
