import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../projects/models/page-info.model';

@ObjectType({ description: 'One admin action, as recorded in the audit log.' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Who did it; kept after their account is deleted (then `actor` is null).' })
  actorId!: string | null;

  @Field({ description: 'What was done, e.g. "role.grant", "indicator.import", "report.resolve".' })
  action!: string;

  @Field({ description: 'What kind of thing it was done to, e.g. "user", "indicator", "report".' })
  targetType!: string;

  @Field(() => String, { nullable: true })
  targetId!: string | null;

  @Field({ description: 'A JSON object with the details, its shape depending on `action`.' })
  details!: string;

  @Field(() => String, { nullable: true, description: 'The X-Request-Id of the request that did it, to find it in the logs.' })
  requestId!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntry])
  nodes!: AuditEntry[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
