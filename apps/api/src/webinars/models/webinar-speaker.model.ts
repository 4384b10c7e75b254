import { Field, ObjectType } from '@nestjs/graphql';
import { Clinician } from '../../clinicians/models/clinician.model';

@ObjectType({ description: 'A speaker: a Kindred user or a named guest.' })
export class WebinarSpeaker {
  @Field(() => Clinician, { nullable: true, description: 'The user, for a Kindred user; null for a guest.' })
  user!: Clinician | null;

  @Field({ description: 'The user’s display name, or the guest’s name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'A guest’s affiliation; for a user, their organisation.' })
  affiliation!: string | null;
}
