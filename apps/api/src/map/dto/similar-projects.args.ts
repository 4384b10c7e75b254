import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID } from 'class-validator';

@ArgsType()
export class SimilarProjectsArgs {
  @Field(() => ID, { description: 'One of my projects.' })
  @IsUUID('all', { message: 'projectId must be a project id' })
  projectId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: '1 to 50.' })
  @IsOptional()
  @IsInt()
  first?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}
