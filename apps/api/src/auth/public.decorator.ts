import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'kindred:isPublic';
/** Marks a resolver or route that anonymous callers may use. Everything else needs a signed-in user. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
