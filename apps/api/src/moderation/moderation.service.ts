import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LIMITS } from '@kindred/domain';
import { TokensService } from '../auth/tokens.service';
import { toClinician } from '../clinicians/clinician-models.util';
import { CliniciansService } from '../clinicians/clinicians.service';
import type { Clinician } from '../clinicians/models/clinician.model';
import { badInput, forbidden, notFound } from '../common/graphql-errors.util';
import { toMessageModel, type StoredMessage } from '../conversations/message-models.util';
import { MessagesService } from '../conversations/messages.service';
import type { Message } from '../conversations/models/message.model';
import type { Project } from '../projects/models/project.model';
import { ProjectsService } from '../projects/projects.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { ReportInput } from './dto/report.input';
import type { ResolveReportInput } from './dto/resolve-report.input';
import { ModerationAction, ReportStatus, statusAfter } from './moderation.constant';
import type { Report, ReportConnection } from './models/report.model';
import { decodeReportCursor, encodeReportCursor } from './report-cursor.util';

interface ReportRow {
  id: string;
  reporter_id: string | null;
  message_id: string | null;
  project_id: string | null;
  reason: string;
  details: string | null;
  status: ReportStatus;
  resolution: string | null;
  resolved_at: Date | null;
  created_at: Date;
  cursor_ts: string;
}

/** The reported content, whichever kind it is. */
type Target = { kind: 'message'; id: string } | { kind: 'project'; id: string };

const COLUMNS = `id, reporter_id, message_id, project_id, reason, details, status, resolution, resolved_at, created_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_ts`;

function targetOf(row: Pick<ReportRow, 'message_id' | 'project_id'>): Target {
  return row.message_id ? { kind: 'message', id: row.message_id } : { kind: 'project', id: row.project_id as string };
}

/** `message_id = $n` or `project_id = $n`: the column naming the target. */
function targetColumn(target: Target): 'message_id' | 'project_id' {
  return target.kind === 'message' ? 'message_id' : 'project_id';
}

/**
 * Owns `reports`: anyone reports a message they can see or a visible project (once while the
 * report is open: a repeat returns the open report), and admins work through the queue. Resolving
 * applies to every open report on the same content at once. Hiding and suspending write through
 * the owners of those tables (projects, clinicians, tokens in one transaction; messages through
 * MessagesService, which also tells the conversation live, after the commit).
 */
@Injectable()
export class ModerationService {
  private readonly logger = new Logger('Moderation');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clinicians: CliniciansService,
    private readonly projects: ProjectsService,
    private readonly tokens: TokensService,
    private readonly messages: MessagesService,
    private readonly realtime: RealtimeService,
    private readonly audit: AuditService,
  ) {}

  async report(reporterId: string, input: ReportInput): Promise<Report> {
    if (!input.messageId === !input.projectId) {
      throw badInput('input.messageId', 'Report exactly one thing: a message (messageId) or a project (projectId).');
    }
    const target: Target = input.messageId ? { kind: 'message', id: input.messageId } : { kind: 'project', id: input.projectId as string };
    if (target.kind === 'message') {
      const message = (await this.messages.canSee(reporterId, target.id)) ? (await this.messagesById([target.id])).get(target.id) : undefined;
      // Deleted or already hidden: nothing left to report.
      if (!message || message.deletedAt || message.hiddenAt) throw notFound('Message', 'input.messageId');
      if (message.authorId === reporterId) throw badInput('input.messageId', 'You cannot report your own message.');
    } else {
      const [project] = await this.projects.findManyByIds([target.id], reporterId);
      if (!project || project.hiddenAt) throw notFound('Project', 'input.projectId');
      if (project.isMine) throw badInput('input.projectId', 'You cannot report your own project.');
    }

    const column = targetColumn(target);
    // At most one open report per reporter and content (a partial unique index): a repeat, even
    // a concurrent one, finds the first.
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO reports (reporter_id, ${column}, reason, details) VALUES ($1, $2, $3, $4)
       ON CONFLICT (reporter_id, ${column}) WHERE ${column} IS NOT NULL AND status = 'open' DO NOTHING
       RETURNING id`,
      [reporterId, target.id, input.reason, input.details ?? null],
    );
    let id = inserted[0]?.id;
    if (!id) {
      const [existing] = (await this.db.query(`SELECT id FROM reports WHERE reporter_id = $1 AND ${column} = $2 AND status = 'open'`, [
        reporterId,
        target.id,
      ])) as Array<{ id: string }>;
      id = existing?.id;
    }
    if (!id) throw new Error('The report was neither stored nor found.');
    return this.findOne(id, reporterId);
  }

  /** Admins: `open` oldest first (work the queue in order), resolved ones newest first. */
  async queue(adminId: string, status: ReportStatus, first: number | null, after: string | null): Promise<ReportConnection> {
    const size = first ?? LIMITS.page.defaultSize;
    const cursor = after ? decodeReportCursor(after, status) : null;
    if (after && !cursor) throw badInput('after', 'after is not a cursor from this list.');
    const oldestFirst = status === 'open';
    const params: unknown[] = [status, size + 1];
    let page = '';
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      page = `AND (created_at, id) ${oldestFirst ? '>' : '<'} (CAST($3 AS timestamptz), CAST($4 AS uuid))`;
    }
    const order = oldestFirst ? 'ASC' : 'DESC';
    const rows: ReportRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM reports WHERE status = $1 ${page} ORDER BY created_at ${order}, id ${order} LIMIT $2`,
      params,
    );
    const nodes = rows.slice(0, size);
    const last = nodes[nodes.length - 1];
    return {
      nodes: await this.toReports(nodes, adminId, { moderator: true }),
      pageInfo: {
        hasNextPage: rows.length > size,
        endCursor: last ? encodeReportCursor({ status, createdAt: last.cursor_ts, id: last.id }) : null,
      },
    };
  }

  /**
   * Admins: dismiss, hide the content, or suspend its author (which also hides the content and
   * all their projects, revokes their sessions and disconnects their sockets). Every open report on
   * the same content is resolved with it. Admin accounts cannot be suspended this way.
   */
  async resolve(adminId: string, input: ResolveReportInput): Promise<Report> {
    const action = input.action as ModerationAction;
    const [report] = (await this.db.query(`SELECT ${COLUMNS} FROM reports WHERE id = $1`, [input.reportId])) as ReportRow[];
    if (!report) throw notFound('Report', 'input.reportId');
    if (report.status !== 'open') throw badInput('input.reportId', 'This report has already been resolved.');
    const target = targetOf(report);
    const authorId = await this.authorOf(target);
    if (action === 'suspend') {
      if (!authorId) throw badInput('input.action', 'The author’s account no longer exists; hide the content instead.');
      const author = await this.clinicians.findById(authorId);
      if (!author) throw badInput('input.action', 'The author’s account no longer exists; hide the content instead.');
      if (author.role === 'admin') throw forbidden('Admin accounts cannot be suspended from the moderation queue.');
    }

    const status = statusAfter(action);
    const closed = await this.db.transaction(async (manager) => {
      // Only an open report changes: of two moderators resolving it at once, one wins.
      const [, won] = (await manager.query(
        `UPDATE reports SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now() WHERE id = $1 AND status = 'open'`,
        [report.id, status, input.note ?? null, adminId],
      )) as [unknown, number];
      if (!won) throw badInput('input.reportId', 'This report has already been resolved.');
      const [, others] = (await manager.query(
        `UPDATE reports SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now()
          WHERE ${targetColumn(target)} = $1 AND status = 'open'`,
        [target.id, status, input.note ?? null, adminId],
      )) as [unknown, number];
      if (action !== 'dismiss' && target.kind === 'project') await this.projects.hide(target.id, manager);
      if (action === 'suspend' && authorId) await this.suspend(authorId, manager);
      await this.audit.record(
        {
          actorId: adminId,
          action: `report.${action}`,
          targetType: target.kind,
          targetId: target.id,
          details: { reportId: report.id, reason: report.reason, authorId, otherReportsClosed: others },
        },
        manager,
      );
      return others;
    });

    // After the commit, so clients told about it read the stored state (it tells the members live).
    if (action !== 'dismiss' && target.kind === 'message') await this.messages.hide(target.id);
    if (action === 'suspend' && authorId) this.realtime.disconnectUser(authorId, 'suspended');
    this.logger.log(
      `admin ${adminId} resolved report ${report.id} with "${action}" (${target.kind} ${target.id}, author ${authorId ?? 'deleted'}); ` +
        `${closed} other open report(s) on it closed as ${status}`,
    );
    return this.findOne(report.id, adminId, { moderator: true });
  }

  private async suspend(userId: string, manager: EntityManager): Promise<void> {
    await this.clinicians.suspend(userId, manager);
    await this.projects.hideAllOwnedBy(userId, manager);
    await this.tokens.revokeAllFor(userId, manager);
  }

  private async findOne(id: string, viewerId: string, options: { moderator?: boolean } = {}): Promise<Report> {
    const rows: ReportRow[] = await this.db.query(`SELECT ${COLUMNS} FROM reports WHERE id = $1`, [id]);
    const [report] = await this.toReports(rows, viewerId, options);
    if (!report) throw notFound('Report');
    return report;
  }

  /** Loads every report's people, message and project in one query each. */
  private async toReports(rows: ReportRow[], viewerId: string, { moderator = false } = {}): Promise<Report[]> {
    if (!rows.length) return [];
    const messages = await this.messagesById(rows.flatMap((r) => (r.message_id ? [r.message_id] : [])));
    const projectIds = rows.flatMap((r) => (r.project_id ? [r.project_id] : []));
    const projects = new Map<string, Project>(
      (await this.projects.findManyByIds(projectIds, viewerId, { includeHidden: moderator })).map((p) => [p.id, p]),
    );
    const authorOf = (r: ReportRow): string | null =>
      r.message_id ? (messages.get(r.message_id)?.authorId ?? null) : (projects.get(r.project_id ?? '')?.ownerId ?? null);
    const peopleIds = rows.flatMap((r) => [r.reporter_id, authorOf(r)]).filter((id): id is string => !!id);
    const people = new Map<string, Clinician>((await this.clinicians.findByIds(peopleIds)).map((u) => [u.id, toClinician(u)]));
    const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);

    return rows.map((r) => {
      const m = r.message_id ? messages.get(r.message_id) : undefined;
      let message: Message | null = null;
      if (m) {
        message = toMessageModel(m, viewerId);
        // Moderators need the words to judge them, hidden or not; an author's deletion stands.
        if (moderator && !m.deletedAt) message.body = m.storedBody;
      }
      return {
        id: r.id,
        reason: r.reason,
        details: r.details,
        status: r.status,
        resolution: r.resolution,
        createdAt: r.created_at,
        resolvedAt: r.resolved_at,
        reporter: person(r.reporter_id),
        message,
        project: r.project_id ? (projects.get(r.project_id) ?? null) : null,
        targetAuthor: person(authorOf(r)),
      };
    });
  }

  private async authorOf(target: Target): Promise<string | null> {
    if (target.kind === 'message') return (await this.messagesById([target.id])).get(target.id)?.authorId ?? null;
    const [project] = await this.projects.findManyByIds([target.id], null, { includeHidden: true });
    return project?.ownerId ?? null;
  }

  /** Messages as stored, with the text even when hidden (`storedBody`): callers decide who sees it. */
  private async messagesById(ids: string[]): Promise<Map<string, StoredMessage & { storedBody: string }>> {
    return this.messages.findForModeration([...new Set(ids)]);
  }
}
