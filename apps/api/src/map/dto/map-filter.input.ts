import { Field, InputType } from '@nestjs/graphql';
import { IsArray, IsBoolean, IsDate, IsOptional, IsString } from 'class-validator';

/** Value checks (known theme, stage, profession) happen in `checkMapFilter` with specific codes. */
@InputType({ description: 'Narrows the map. Omitted fields do not filter.' })
export class MapFilterInput {
  @Field(() => [String], { nullable: true, description: 'Theme ids; a project matches if it has any of them.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  themes?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  stage?: string | null;

  @Field(() => String, { nullable: true, description: "The project owner's profession id." })
  @IsOptional()
  @IsString()
  profession?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  seekingCollaborators?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Only projects created or edited since then.' })
  @IsOptional()
  @IsDate()
  updatedSince?: Date | null;
}
