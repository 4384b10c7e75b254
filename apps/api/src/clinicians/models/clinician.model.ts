import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What other people see of a clinician: a public profile, never the email.' })
export class Clinician {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'Profession id, e.g. "health-visitor".' })
  profession!: string;

  @Field({ description: 'Human label for the profession, e.g. "Health visitor".' })
  professionLabel!: string;

  @Field(() => String, { nullable: true })
  specialty!: string | null;

  @Field(() => String, { nullable: true })
  organisation!: string | null;

  @Field()
  role!: string;
}
