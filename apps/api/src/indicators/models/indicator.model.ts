import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A need indicator imported from a CSV: one value per area (e.g. per local authority).' })
export class Indicator {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "% of children".' })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the figures come from; says so when they are an illustrative sample.' })
  source!: string | null;

  @Field({ description: 'True when a higher value means more need.' })
  higherIsWorse!: boolean;

  @Field(() => Int)
  areaCount!: number;

  @Field(() => Float)
  minValue!: number;

  @Field(() => Float)
  maxValue!: number;

  @Field()
  createdAt!: Date;
}
