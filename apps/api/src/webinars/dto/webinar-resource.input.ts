import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { WEBINAR_LIMITS, WEBINAR_RESOURCE_KIND_IDS } from '@kindred/domain';
import { Trim } from '../../clinicians/dto/trim.util';
import { IsHttpsUrl } from '../../projects/dto/https-url.util';

const { title } = WEBINAR_LIMITS.resources;

@InputType({ description: 'A link attached to a WHAMinar by its organiser: slides, a recording, a document or any page.' })
export class WebinarResourceInput {
  @Field({ description: WEBINAR_RESOURCE_KIND_IDS.join(' | ') })
  @IsIn(WEBINAR_RESOURCE_KIND_IDS, { message: `kind must be one of: ${WEBINAR_RESOURCE_KIND_IDS.join(', ')}` })
  kind!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(title.min, title.max, { message: `title must be ${title.min} to ${title.max} characters` })
  title!: string;

  @Field()
  @Trim()
  @MaxLength(WEBINAR_LIMITS.urlMax, { message: `url must be at most ${WEBINAR_LIMITS.urlMax} characters` })
  @IsHttpsUrl({ message: 'url must be an https:// web address' })
  url!: string;
}
