import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim, TrimToNull } from '../../clinicians/dto/trim.util';
import { PointInput } from '../../projects/dto/point.input';
import { ALERT_LIMITS, UK_NATIONS } from '../alert-limits.constant';
import { RADIUS_MESSAGE, REGION_MESSAGE } from './create-alert.input';

const { name, radiusKm, themes, placeName } = ALERT_LIMITS;

@InputType({
  description:
    'Changes to an alert; every field optional, same rules. A new `centre`, `placeName` or `region` replaces the area; `radiusKm` alone resizes a centre-and-radius area.',
})
export class UpdateAlertInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(name.min, name.max, { message: `name must be ${name.min} to ${name.max} characters` })
  name?: string | null;

  @Field(() => PointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointInput)
  centre?: PointInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(placeName.max)
  placeName?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: RADIUS_MESSAGE })
  @Min(radiusKm.min, { message: RADIUS_MESSAGE })
  @Max(radiusKm.max, { message: RADIUS_MESSAGE })
  radiusKm?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(UK_NATIONS, { message: REGION_MESSAGE })
  region?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(themes.max, { message: `themes must list at most ${themes.max} themes` })
  @ArrayUnique({ message: 'themes must not repeat a theme' })
  @IsString({ each: true })
  themes?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  emailDigest?: boolean | null;
}
