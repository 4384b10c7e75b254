import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../projects/models/page-info.model';

@ObjectType({ description: 'Something that happened for you: an alert matched, and later messages and reminders.' })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What kind of notification, e.g. "alert-match"; `payload` has a shape per type.' })
  type!: string;

  @Field({ description: 'One sentence to show as it is.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'Path in the web app to open, e.g. "/projects/<id>".' })
  link!: string | null;

  @Field({ description: 'A JSON object with the details, its shape depending on `type`.' })
  payload!: string;

  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread.' })
  readAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [Notification])
  nodes!: Notification[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
