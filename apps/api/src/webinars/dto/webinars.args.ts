import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LIMITS, WEBINAR_LIMITS } from '@kindred/domain';
import { TrimToNull } from '../../clinicians/dto/trim.util';
import { BBoxInput } from '../../map/dto/bbox.input';
import { WebinarFilterInput } from './webinar-filter.input';

const { defaultSize, maxSize } = LIMITS.page;
const firstMessage = `first must be from 0 to ${maxSize}`;

@ArgsType()
export class WebinarIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a WHAMinar id' })
  id!: string;
}

@ArgsType()
export class WebinarRefArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'webinarId must be a WHAMinar id' })
  webinarId!: string;
}

@ArgsType()
export class WebinarsArgs {
  @Field(() => WebinarFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebinarFilterInput)
  filter?: WebinarFilterInput | null;

  @Field(() => Int, { nullable: true, defaultValue: defaultSize })
  @IsOptional()
  @IsInt({ message: firstMessage })
  @Min(0, { message: firstMessage })
  @Max(maxSize, { message: firstMessage })
  first?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@ArgsType()
export class RecommendedWebinarsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 10 })
  @IsOptional()
  @IsInt({ message: `first must be from 1 to ${WEBINAR_LIMITS.recommendedMax}` })
  @Min(1, { message: `first must be from 1 to ${WEBINAR_LIMITS.recommendedMax}` })
  @Max(WEBINAR_LIMITS.recommendedMax, { message: `first must be from 1 to ${WEBINAR_LIMITS.recommendedMax}` })
  first?: number | null;
}

@ArgsType()
export class WebinarsInBBoxArgs {
  @Field(() => BBoxInput)
  @ValidateNested()
  @Type(() => BBoxInput)
  bbox!: BBoxInput;

  @Field(() => [String], { nullable: true, description: 'Any of these themes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WEBINAR_LIMITS.themes.max)
  @IsString({ each: true })
  themes?: string[] | null;
}

@ArgsType()
export class PublishWebinarArgs extends WebinarIdArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also every later draft occurrence of its series not edited on its own.' })
  @IsOptional()
  @IsBoolean()
  wholeSeries?: boolean | null;
}

@ArgsType()
export class CancelWebinarArgs extends PublishWebinarArgs {
  @Field(() => String, { nullable: true, description: `Told to registrants; at most ${WEBINAR_LIMITS.cancelReason.max} characters.` })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(WEBINAR_LIMITS.cancelReason.max, { message: `reason must be at most ${WEBINAR_LIMITS.cancelReason.max} characters` })
  reason?: string | null;
}

@ArgsType()
export class RegisterForWebinarArgs extends WebinarRefArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Also email the 24 h and 1 h reminders (and changes, in the daily digest).' })
  @IsOptional()
  @IsBoolean()
  emailReminders?: boolean | null;
}

@ArgsType()
export class MarkAttendanceArgs extends WebinarRefArgs {
  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'userIds must list at least one person' })
  @ArrayMaxSize(WEBINAR_LIMITS.attendanceBatchMax)
  @ArrayUnique({ message: 'userIds must not repeat a person' })
  @IsUUID('all', { each: true, message: 'userIds must be user ids' })
  userIds!: string[];

  @Field(() => Boolean, { description: 'true marks them attended, false clears it.' })
  @IsBoolean()
  attended!: boolean;
}

@ArgsType()
export class PinWebinarMessageArgs extends WebinarRefArgs {
  @Field(() => ID, { nullable: true, description: 'A message of the thread; null unpins.' })
  @IsOptional()
  @IsUUID('all', { message: 'messageId must be a message id' })
  messageId?: string | null;
}

@ArgsType()
export class WebinarSeriesIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'seriesId must be a series id' })
  seriesId!: string;
}
