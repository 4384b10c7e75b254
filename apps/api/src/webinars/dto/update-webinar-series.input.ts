import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { LOCAL_TIME_PATTERN } from '@kindred/domain';
import { Trim } from '../../clinicians/dto/trim.util';
import {
  CapacityRules,
  DescriptionRules,
  DurationRules,
  JoinUrlRules,
  SpeakersRules,
  ThemesRules,
  TimeZoneRules,
  TitleRules,
} from './webinar-input-rules.util';
import { WebinarRegionFocusInput } from './webinar-region-focus.input';
import { WebinarSpeakerInput } from './webinar-speaker.input';

const TIME_MESSAGE = 'startTime must be a local time of day like 18:30';

@InputType({
  description:
    'Changes applied to every future occurrence of a series that has not been edited on its own (draft or published). Dates stay; `startTime` moves each to a new local time of day.',
})
export class UpdateWebinarSeriesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @TitleRules()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @DescriptionRules()
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'New local time of day, "HH:mm", in the (new) timeZone.' })
  @IsOptional()
  @Trim()
  @IsString({ message: TIME_MESSAGE })
  @Matches(LOCAL_TIME_PATTERN, { message: TIME_MESSAGE })
  startTime?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TimeZoneRules()
  timeZone?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @DurationRules()
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @JoinUrlRules()
  joinUrl?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @CapacityRules()
  capacity?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ThemesRules()
  themes?: string[] | null;

  @Field(() => [WebinarSpeakerInput], { nullable: true })
  @IsOptional()
  @SpeakersRules()
  speakers?: WebinarSpeakerInput[] | null;

  @Field(() => WebinarRegionFocusInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebinarRegionFocusInput)
  regionFocus?: WebinarRegionFocusInput | null;
}
