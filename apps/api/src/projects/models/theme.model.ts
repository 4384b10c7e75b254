import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A theme from the shared taxonomy.' })
export class Theme {
  @Field({ description: 'Stable id, e.g. "food-insecurity".' })
  id!: string;

  @Field()
  label!: string;

  @Field({ description: '"determinant" or "approach".' })
  group!: string;
}
