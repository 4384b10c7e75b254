import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A recurring series: one WHAMinar per occurrence, each at the same local time.' })
export class WebinarSeries {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The RRULE, e.g. "FREQ=MONTHLY;COUNT=6".' })
  rrule!: string;

  @Field()
  timeZone!: string;

  @Field(() => Int, { description: 'How many occurrences it made.' })
  occurrenceCount!: number;

  /** For the `occurrences` field. */
  organiserId!: string;
}
