import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The signed-in user’s own account: only ever returned to that user.' })
export class Account {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'Profession id from the shared list, e.g. "health-visitor".' })
  profession!: string;

  @Field(() => String, { nullable: true })
  specialty!: string | null;

  @Field(() => String, { nullable: true })
  organisation!: string | null;

  @Field(() => String, { nullable: true })
  bio!: string | null;

  @Field({ description: '"clinician", "organiser" or "admin".' })
  role!: string;

  @Field()
  createdAt!: Date;
}
