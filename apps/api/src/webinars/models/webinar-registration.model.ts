import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Clinician } from '../../clinicians/models/clinician.model';

@ObjectType({ description: 'One person’s registration, as the organiser sees it.' })
export class WebinarRegistration {
  @Field(() => Clinician, { description: 'Name, profession, organisation (never the email).' })
  user!: Clinician;

  @Field({ description: 'registered | waiting | cancelled' })
  status!: string;

  @Field(() => Int, { nullable: true })
  waitingPosition!: number | null;

  @Field({ description: 'When they signed up (or last re-registered): the waiting list’s order.' })
  signedUpAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a place became theirs.' })
  registeredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field()
  attended!: boolean;

  @Field(() => Date, { nullable: true })
  attendedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'organiser (marked) | check-in (by the attendee)' })
  attendanceSource!: string | null;
}
