import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A WGS 84 point.' })
export class Point {
  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lng!: number;
}
