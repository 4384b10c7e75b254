import { Field, ObjectType } from '@nestjs/graphql';
import { Clinician } from '../../clinicians/models/clinician.model';

@ObjectType({ description: 'Someone you have blocked.' })
export class BlockedUser {
  @Field(() => Clinician)
  user!: Clinician;

  @Field()
  blockedAt!: Date;
}
