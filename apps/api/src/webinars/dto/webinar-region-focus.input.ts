import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { WEBINAR_LIMITS, WEBINAR_REGIONS } from '@kindred/domain';
import { TrimToNull } from '../../clinicians/dto/trim.util';
import { PointInput } from '../../projects/dto/point.input';

@InputType({
  description:
    'A UK nation the WHAMinar is about, optionally with a point for the map layer: `point`, or `placeName` resolved by the gazetteer (the point wins; the name is then its label).',
})
export class WebinarRegionFocusInput {
  @Field({ description: WEBINAR_REGIONS.join(' | ') })
  @IsIn(WEBINAR_REGIONS, { message: `region must be one of: ${WEBINAR_REGIONS.join(', ')}` })
  region!: string;

  @Field(() => PointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointInput)
  point?: PointInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(WEBINAR_LIMITS.placeName.max)
  placeName?: string | null;
}
