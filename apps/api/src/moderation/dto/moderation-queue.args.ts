import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@kindred/domain';
import { REPORT_STATUSES } from '../moderation.constant';

const { defaultSize, maxSize } = LIMITS.page;

@ArgsType()
export class ModerationQueueArgs {
  @Field(() => String, { nullable: true, defaultValue: 'open', description: '`open` (oldest first), `actioned` or `dismissed` (newest first).' })
  @IsOptional()
  @IsIn(REPORT_STATUSES, { message: `status must be one of: ${REPORT_STATUSES.join(', ')}` })
  status?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: defaultSize, description: `1 to ${maxSize}.` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be between 1 and ${maxSize}` })
  @Max(maxSize, { message: `first must be between 1 and ${maxSize}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}
