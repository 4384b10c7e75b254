import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The viewer’s own registration for a WHAMinar.' })
export class MyWebinarRegistration {
  @Field({ description: 'registered | waiting | cancelled' })
  status!: string;

  @Field(() => Int, { nullable: true, description: 'Place on the waiting list (1 = next to be promoted); null unless waiting.' })
  waitingPosition!: number | null;

  @Field(() => Date, { nullable: true, description: 'When a place became theirs; null while waiting.' })
  registeredAt!: Date | null;

  @Field({ description: 'Also email reminders.' })
  emailReminders!: boolean;

  @Field()
  attended!: boolean;

  @Field(() => Date, { nullable: true })
  attendedAt!: Date | null;
}
