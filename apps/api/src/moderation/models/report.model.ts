import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Clinician } from '../../clinicians/models/clinician.model';
import { Message } from '../../conversations/models/message.model';
import { PageInfo } from '../../projects/models/page-info.model';
import { Project } from '../../projects/models/project.model';

@ObjectType({ description: 'A report of a message or a project, and what a moderator decided.' })
export class Report {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Reason id: spam, harassment, patient-data, misinformation or other.' })
  reason!: string;

  @Field(() => String, { nullable: true })
  details!: string | null;

  @Field({ description: '`open`, `actioned` or `dismissed`.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The moderator’s note when resolved.' })
  resolution!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Clinician, { nullable: true, description: 'Null once the reporter’s account is deleted.' })
  reporter!: Clinician | null;

  @Field(() => Message, { nullable: true, description: 'The reported message (moderators see its body even when hidden).' })
  message!: Message | null;

  @Field(() => Project, { nullable: true, description: 'The reported project (moderators see it even when hidden).' })
  project!: Project | null;

  @Field(() => Clinician, { nullable: true, description: 'Who wrote the message or owns the project.' })
  targetAuthor!: Clinician | null;
}

@ObjectType()
export class ReportConnection {
  @Field(() => [Report])
  nodes!: Report[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
