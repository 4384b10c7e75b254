import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { MapFilterInput } from '../../map/dto/map-filter.input';

@ArgsType()
export class GapLayerArgs {
  @Field(() => ID)
  @IsString()
  indicatorId!: string;

  @Field(() => MapFilterInput, { nullable: true, description: 'The map filter: which projects count as action.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MapFilterInput)
  filter?: MapFilterInput | null;
}
