import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** One query per kind of personal data the other modules keep; rows as stored, oldest first. */
  private async rows(sql: string, userId: string): Promise<unknown[]> {
    return this.db.query(sql, [userId]);
  }

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
      messaging: {
        messagePolicy: user.messagePolicy,
        emailDigest: user.messageEmailDigest,
      },
      alerts: await this.rows(
        `SELECT id, name, ST_Y(centre::geometry) AS lat, ST_X(centre::geometry) AS lng, radius_km, region, place_name, themes,
                email_digest, created_at, updated_at
           FROM alerts WHERE user_id = $1 ORDER BY created_at`,
        userId,
      ),
      notifications: await this.rows(
        `SELECT id, type, message, link, read_at, created_at FROM notifications WHERE user_id = $1 ORDER BY created_at`,
        userId,
      ),
      conversations: await this.rows(
        `SELECT c.id, c.kind, c.status, c.title, cm.role, cm.joined_at
           FROM conversation_members cm JOIN conversations c ON c.id = cm.conversation_id
          WHERE cm.user_id = $1 ORDER BY cm.joined_at`,
        userId,
      ),
      messages: await this.rows(
        `SELECT id, conversation_id, seq, CASE WHEN deleted_at IS NULL THEN body END AS body, parent_id, created_at, edited_at, deleted_at
           FROM messages WHERE author_id = $1 ORDER BY created_at`,
        userId,
      ),
      reactions: await this.rows(`SELECT message_id, emoji, created_at FROM message_reactions WHERE user_id = $1 ORDER BY created_at`, userId),
      blocks: await this.rows(`SELECT blocked_id AS user_id, created_at FROM blocks WHERE blocker_id = $1 ORDER BY created_at`, userId),
      webinarRegistrations: await this.rows(
        `SELECT r.webinar_id, w.title, w.starts_at, r.status, r.registered_at, r.cancelled_at, r.email_reminders, r.attended_at,
                r.attendance_source, r.created_at
           FROM webinar_registrations r JOIN webinars w ON w.id = r.webinar_id
          WHERE r.user_id = $1 ORDER BY r.created_at`,
        userId,
      ),
      webinarsOrganised: await this.rows(
        `SELECT id, title, status, starts_at, time_zone, created_at FROM webinars WHERE organiser_id = $1 ORDER BY created_at`,
        userId,
      ),
      reports: await this.rows(
        `SELECT id, message_id, project_id, reason, details, status, created_at FROM reports WHERE reporter_id = $1 ORDER BY created_at`,
        userId,
      ),
    };
    return JSON.stringify(document, null, 2);
  }
}
