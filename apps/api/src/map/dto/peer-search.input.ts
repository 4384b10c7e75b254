import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LIMITS } from '@kindred/domain';
import { PointInput } from '../../projects/dto/point.input';

export const PEER_RADIUS_KM = { min: 1, max: 200 } as const;

@InputType({ description: 'Where to search from (one of projectId, placeName, point) and how far.' })
export class PeerSearchInput {
  @Field(() => ID, { nullable: true, description: 'One of my projects: search from its point, with its themes.' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a project id' })
  projectId?: string | null;

  @Field(() => String, { nullable: true, description: 'A UK town or city.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.placeSearch.queryMax)
  placeName?: string | null;

  @Field(() => PointInput, { nullable: true, description: 'Any point, e.g. the map centre.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointInput)
  point?: PointInput | null;

  @Field(() => Int, { description: 'Search radius in km, 1 to 200.' })
  @IsInt()
  @Min(PEER_RADIUS_KM.min, { message: `radiusKm must be between ${PEER_RADIUS_KM.min} and ${PEER_RADIUS_KM.max}` })
  @Max(PEER_RADIUS_KM.max, { message: `radiusKm must be between ${PEER_RADIUS_KM.min} and ${PEER_RADIUS_KM.max}` })
  radiusKm!: number;

  @Field(() => [String], {
    nullable: true,
    description: "Themes to match; default: the project's themes, else the themes of all my projects.",
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  themes?: string[] | null;
}
