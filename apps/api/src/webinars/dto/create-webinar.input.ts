import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { WEBINAR_LIMITS } from '@kindred/domain';
import { TrimToNull } from '../../clinicians/dto/trim.util';
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
    'A new WHAMinar (organisers and admins). Times are wall-clock times in `timeZone`; give `durationMinutes` or `endsAt`, not both.',
})
export class CreateWebinarInput {
  @Field({ description: `${WEBINAR_LIMITS.title.min} to ${WEBINAR_LIMITS.title.max} characters, trimmed.` })
  @TitleRules()
  title!: string;

  @Field(() => String, { nullable: true, defaultValue: '', description: 'Markdown (paragraphs, **strong**, *emphasis*, lists, [links](https://…)).' })
  @IsOptional()
  @DescriptionRules()
  description?: string | null;

  @Field({ description: 'Local start in `timeZone`, "YYYY-MM-DDTHH:mm", e.g. "2027-03-28T10:00". Must be in the future.' })
  @LocalDateTimeRules()
  startsAt!: string;

  @Field({ description: 'The organiser’s IANA time zone, e.g. "Europe/London".' })
  @TimeZoneRules()
  timeZone!: string;

  @Field(() => Int, { nullable: true, description: '1 to 480 (8 hours). Or give endsAt.' })
  @IsOptional()
  @DurationRules()
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'Local end in `timeZone`, after the start, at most 8 hours later. Or give durationMinutes.' })
  @IsOptional()
  @LocalDateTimeRules()
  endsAt?: string | null;

  @Field({ description: 'https:// link to the call (Zoom, Teams…). Shown only to registrants, from 30 minutes before the start.' })
  @JoinUrlRules()
  joinUrl!: string;

  @Field(() => Int, { nullable: true, description: 'Places; null or omitted: unlimited. At least 1.' })
  @IsOptional()
  @CapacityRules()
  capacity?: number | null;

  @Field(() => [String], { nullable: true, defaultValue: [], description: `0 to ${WEBINAR_LIMITS.themes.max} theme ids.` })
  @IsOptional()
  @ThemesRules()
  themes?: string[] | null;

  @Field(() => [WebinarSpeakerInput], { nullable: true, defaultValue: [] })
  @IsOptional()
  @SpeakersRules()
  speakers?: WebinarSpeakerInput[] | null;

  @Field(() => WebinarRegionFocusInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebinarRegionFocusInput)
  regionFocus?: WebinarRegionFocusInput | null;

  @Field(() => String, {
    nullable: true,
    description: `Makes a series: an RRULE such as "FREQ=MONTHLY;COUNT=6" or "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270701T000000", ending within ${WEBINAR_LIMITS.seriesOccurrencesMax} occurrences. One webinar per occurrence, each at the same local time.`,
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  recurrence?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Publish at once instead of saving a draft.' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean | null;
}
