import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { PeerSearchInput } from './peer-search.input';

@ArgsType()
export class PeersArgs {
  @Field(() => PeerSearchInput)
  @ValidateNested()
  @Type(() => PeerSearchInput)
  input!: PeerSearchInput;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: '1 to 50.' })
  @IsOptional()
  @IsInt()
  first?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}
