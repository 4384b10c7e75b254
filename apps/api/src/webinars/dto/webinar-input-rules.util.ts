import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LOCAL_DATE_TIME_PATTERN, WEBINAR_LIMITS } from '@kindred/domain';
import { Trim } from '../../clinicians/dto/trim.util';
import { IsHttpsUrl } from '../../projects/dto/https-url.util';
import { WebinarSpeakerInput } from './webinar-speaker.input';

const { title, description, durationMinutes, capacity, themes, speakers, urlMax } = WEBINAR_LIMITS;

/** The field rules create and update share (update adds @IsOptional in front of each). */
export const WEBINAR_MESSAGES = {
  title: `title must be ${title.min} to ${title.max} characters`,
  description: `description must be at most ${description.max} characters`,
  localDateTime: '$property must be a local date and time like 2027-03-28T10:00 (no offset: the zone is timeZone)',
  duration: `durationMinutes must be a whole number of minutes from ${durationMinutes.min} to ${durationMinutes.max} (8 hours)`,
  capacity: `capacity must be a whole number, at least ${capacity.min}`,
  joinUrl: 'joinUrl must be an https:// web address',
} as const;

export const TitleRules = () =>
  applyDecorators(Trim(), IsString({ message: WEBINAR_MESSAGES.title }), Length(title.min, title.max, { message: WEBINAR_MESSAGES.title }));

export const DescriptionRules = () =>
  applyDecorators(IsString({ message: WEBINAR_MESSAGES.description }), MaxLength(description.max, { message: WEBINAR_MESSAGES.description }));

export const LocalDateTimeRules = () =>
  applyDecorators(Trim(), IsString({ message: WEBINAR_MESSAGES.localDateTime }), Matches(LOCAL_DATE_TIME_PATTERN, { message: WEBINAR_MESSAGES.localDateTime }));

/** The zone's existence is checked by the service (luxon), with the same field. */
export const TimeZoneRules = () =>
  applyDecorators(Trim(), IsString({ message: 'timeZone must be an IANA time zone name such as Europe/London' }), Length(1, 64, { message: 'timeZone must be an IANA time zone name such as Europe/London' }));

export const DurationRules = () =>
  applyDecorators(
    IsInt({ message: WEBINAR_MESSAGES.duration }),
    Min(durationMinutes.min, { message: WEBINAR_MESSAGES.duration }),
    Max(durationMinutes.max, { message: WEBINAR_MESSAGES.duration }),
  );

export const JoinUrlRules = () =>
  applyDecorators(Trim(), MaxLength(urlMax, { message: `joinUrl must be at most ${urlMax} characters` }), IsHttpsUrl({ message: WEBINAR_MESSAGES.joinUrl }));

export const CapacityRules = () =>
  applyDecorators(
    IsInt({ message: WEBINAR_MESSAGES.capacity }),
    Min(capacity.min, { message: WEBINAR_MESSAGES.capacity }),
    Max(capacity.max, { message: `capacity must be at most ${capacity.max}` }),
  );

/** Ids are checked against the taxonomy by the service (UNKNOWN_THEME). */
export const ThemesRules = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(themes.max, { message: `themes must list at most ${themes.max} themes` }),
    ArrayUnique({ message: 'themes must not repeat a theme' }),
    IsString({ each: true }),
  );

export const SpeakersRules = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(speakers.max, { message: `speakers must list at most ${speakers.max} people` }),
    ValidateNested({ each: true }),
    Type(() => WebinarSpeakerInput),
  );
