import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LIMITS, LOCATION_PRECISION_IDS, STAGE_IDS } from '@kindred/domain';
import { Trim } from '../../clinicians/dto/trim.util';
import { IsHttpsUrl } from './https-url.util';
import { PointInput } from './point.input';

const { project } = LIMITS;

@InputType({
  description:
    'Changes to a project: omitted (or null) fields stay as they are. A new `placeName` without `location` moves the ' +
    'project to that place; an empty `placeName` clears the label.',
})
export class UpdateProjectInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(project.title.min, project.title.max)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(project.summary.min, project.summary.max)
  summary?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(project.themes.min, { message: `themes must list at least ${project.themes.min} theme` })
  @ArrayMaxSize(project.themes.max, { message: `themes must list at most ${project.themes.max} themes` })
  @ArrayUnique({ message: 'themes must not repeat a theme' })
  @IsString({ each: true })
  themes?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(STAGE_IDS, { message: `stage must be one of: ${STAGE_IDS.join(', ')}` })
  stage?: string | null;

  @Field(() => PointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointInput)
  location?: PointInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(project.placeName.max)
  placeName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(LOCATION_PRECISION_IDS, { message: `locationPrecision must be one of: ${LOCATION_PRECISION_IDS.join(', ')}` })
  locationPrecision?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  seekingCollaborators?: boolean | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(project.links.max, { message: `links must list at most ${project.links.max} addresses` })
  @MaxLength(project.links.urlMax, { each: true })
  @IsHttpsUrl({ each: true })
  links?: string[] | null;
}
