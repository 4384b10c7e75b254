import { Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { DataExportService } from './data-export.service';

@Resolver()
export class DataExportResolver {
  constructor(private readonly exports: DataExportService) {}

  @Query(() => String, { description: 'A JSON document of everything held about you: account, projects (with exact points), sessions.' })
  exportMyData(@CurrentUser() user: AuthUser): Promise<string> {
    return this.exports.exportFor(user.id);
  }
}
