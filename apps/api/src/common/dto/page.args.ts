import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@kindred/domain';

const { defaultSize, maxSize } = LIMITS.page;

/** `first` (1 to the page cap) and `after` (a cursor from the previous page): a list's paging arguments. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: defaultSize, description: `1 to ${maxSize}.` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be between 1 and ${maxSize}` })
  @Max(maxSize, { message: `first must be between 1 and ${maxSize}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}
