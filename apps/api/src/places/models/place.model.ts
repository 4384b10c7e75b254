import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A UK town or city from the offline gazetteer (GeoNames).' })
export class Place {
  @Field({ description: 'GeoNames id.' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'England, Scotland, Wales or Northern Ireland.' })
  region!: string | null;

  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lng!: number;

  @Field(() => Int)
  population!: number;
}
