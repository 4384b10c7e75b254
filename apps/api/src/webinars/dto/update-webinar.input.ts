import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import {
  CapacityRules,
  DescriptionRules,
  DurationRules,
  JoinUrlRules,
  LocalDateTimeRules,
  SpeakersRules,
  ThemesRules,
  TimeZoneRules,
  TitleRules,
} from './webinar-input-rules.util';
import { WebinarRegionFocusInput } from './webinar-region-focus.input';
import { WebinarSpeakerInput } from './webinar-speaker.input';

@InputType({
  description:
    'Changes to one WHAMinar (its organiser or an admin); omitted fields stay. A new `timeZone` alone keeps the local wall time. `capacity: null` makes it unlimited, `regionFocus: null` removes the focus. An occurrence of a series changed here leaves the series (later series edits skip it).',
})
export class UpdateWebinarInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @TitleRules()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @DescriptionRules()
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'New local start, in the future.' })
  @IsOptional()
  @LocalDateTimeRules()
  startsAt?: string | null;

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
  @LocalDateTimeRules()
  endsAt?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @JoinUrlRules()
  joinUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'null: unlimited. A larger capacity promotes people from the waiting list.' })
  @IsOptional()
  @CapacityRules()
  capacity?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ThemesRules()
  themes?: string[] | null;

  @Field(() => [WebinarSpeakerInput], { nullable: true, description: 'Replaces the list.' })
  @IsOptional()
  @SpeakersRules()
  speakers?: WebinarSpeakerInput[] | null;

  @Field(() => WebinarRegionFocusInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebinarRegionFocusInput)
  regionFocus?: WebinarRegionFocusInput | null;
}
