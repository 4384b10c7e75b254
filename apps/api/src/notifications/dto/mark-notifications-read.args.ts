import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { LIMITS } from '@kindred/domain';

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { description: `Your own notifications, at most ${LIMITS.page.maxSize} at once.` })
  @IsArray()
  @ArrayMaxSize(LIMITS.page.maxSize, { message: `ids must list at most ${LIMITS.page.maxSize} notifications` })
  @ArrayUnique({ message: 'ids must not repeat a notification' })
  @IsUUID('all', { each: true, message: 'ids must be notification ids' })
  ids!: string[];
}
