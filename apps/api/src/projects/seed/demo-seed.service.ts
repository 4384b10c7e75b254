import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../../auth/password-hashing.util';
import { AppConfigService } from '../../config/app-config.service';
import { BulkSeeder, BulkSeedResult } from './bulk-seeder.service';
import { DEMO_LOGIN } from './demo-login.constant';

/** Any fixed number: serialises demo seeding when several instances start on one empty database. */
const DEMO_SEED_LOCK = 720_260_101;

/**
 * Fills an empty database with realistic demo clinicians and projects on start (SEED_DEMO), so a
 * first run shows a living map, and prints the shared demo login.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly db: DataSource,
    private readonly config: AppConfigService,
  ) {}

  /** Seeds `count` projects when there are none at all; otherwise does nothing. True when it seeded. */
  async seedIfEmpty(count = 300): Promise<boolean> {
    if (count < 1) return false;
    const result = await this.db.transaction(async (manager): Promise<BulkSeedResult | null> => {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [DEMO_SEED_LOCK]);
      const [row]: Array<{ found: boolean }> = await manager.query(`SELECT EXISTS (SELECT 1 FROM projects) AS found`);
      if (row?.found) return null;
      if (this.config.get('NODE_ENV') === 'production') {
        this.logger.warn('Seeding demo data with a public demo login in production; set SEED_DEMO=false on a real service.');
      }
      this.logger.log(`No projects yet: seeding ${count} demo projects across the UK...`);
      const step = Math.max(5000, Math.ceil(count / 10));
      let nextReport = step;
      return new BulkSeeder(this.db).seedWithin(manager, {
        projects: count,
        demoLogin: true,
        batchSize: 2000,
        onProgress: (done, total) => {
          if (done < nextReport || done === total) return;
          nextReport += step;
          this.logger.log(`  ${done} of ${total} demo projects`);
        },
      });
    });

    if (!result) {
      await this.mentionDemoLogin();
      return false;
    }
    this.logger.log(
      `Seeded ${result.projects} demo projects and ${result.clinicians} demo clinicians in ${(result.elapsedMs / 1000).toFixed(1)} s`,
    );
    this.logDemoLogin();
    return true;
  }

  /** On later starts, repeats the demo login while it still works. */
  private async mentionDemoLogin(): Promise<void> {
    const rows: Array<{ password_hash: string }> = await this.db.query(`SELECT password_hash FROM users WHERE lower(email) = lower($1)`, [
      DEMO_LOGIN.email,
    ]);
    if (rows[0] && (await verifyPassword(rows[0].password_hash, DEMO_LOGIN.password))) this.logDemoLogin();
  }

  private logDemoLogin(): void {
    this.logger.log(`Demo login: ${DEMO_LOGIN.email}  password: ${DEMO_LOGIN.password}`);
  }
}
