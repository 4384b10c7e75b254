import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A link the organiser attached: slides, a recording, a document or a page.' })
export class WebinarResource {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'slides | recording | document | link' })
  kind!: string;

  @Field()
  title!: string;

  @Field({ description: 'https:// address.' })
  url!: string;

  @Field()
  createdAt!: Date;
}
