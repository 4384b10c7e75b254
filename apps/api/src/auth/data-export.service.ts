import { Injectable } from '@nestjs/common';
import { CliniciansService } from '../clinicians/clinicians.service';
import { notFound } from '../common/graphql-errors.util';
import { ProjectsService } from '../projects/projects.service';
import { TokensService } from './tokens.service';

/** Everything Kindred holds about one person, as a JSON document for them (subject access / portability). */
@Injectable()
export class DataExportService {
  constructor(
    private readonly clinicians: CliniciansService,
    private readonly projects: ProjectsService,
    private readonly tokens: TokensService,
  ) {}

  async exportFor(userId: string): Promise<string> {
    const user = await this.clinicians.findById(userId);
    if (!user) throw notFound('Account');
    const document = {
      format: 'kindred-export/1',
      exportedAt: new Date().toISOString(),
      account: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        profession: user.profession,
        specialty: user.specialty,
        organisation: user.organisation,
        bio: user.bio,
        role: user.role,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      projects: await this.projects.exportOwnedBy(userId),
      sessions: await this.tokens.sessionsOf(userId),
    };
    return JSON.stringify(document, null, 2);
  }
}
