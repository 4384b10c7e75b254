import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LIMITS } from '@kindred/domain';
import { badInput } from '../common/graphql-errors.util';
import { currentRequestId } from '../observability/request-context';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.util';
import type { AuditEntry, AuditEntryConnection } from './models/audit-entry.model';

export interface AuditRecord {
  /** The admin who acted (null for the system, e.g. a command-line import). */
  actorId: string | null;
  /** `<thing>.<verb>`, lower case: "role.grant", "indicator.import", "report.resolve". */
  action: string;
  /** "user", "indicator", "report", "webinar"… */
  targetType: string;
  targetId?: string | null;
  /** Anything worth keeping about the decision (never secrets or message text). */
  details?: Record<string, unknown>;
}

interface AuditRow {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
  created_at: Date;
}

/**
 * Owns `audit_log`: an append-only record of admin actions, with the request id of the request
 * that did each (to find it in the logs). Call `record` after the action succeeded, inside its
 * transaction when it has one: pass the transaction's EntityManager, since the embedded database
 * has a single connection and a write outside the transaction would wait for it forever.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, details, request_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [entry.actorId, entry.action, entry.targetType, entry.targetId ?? null, JSON.stringify(entry.details ?? {}), currentRequestId() ?? null],
    );
  }

  /** Newest first, keyset-paginated. */
  async list(first: number | null, after: string | null): Promise<AuditEntryConnection> {
    const size = first ?? LIMITS.page.defaultSize;
    const cursor = after ? decodeAuditCursor(after) : null;
    if (after && !cursor) throw badInput('after', 'after is not a cursor from this list.');
    const rows: AuditRow[] = await this.dataSource.query(
      // Ordered by the bigint column, not the text alias (where '9' > '10').
      `SELECT a.id::text AS id, a.actor_id, a.action, a.target_type, a.target_id, a.details, a.request_id, a.created_at
         FROM audit_log a
        WHERE ($2::bigint IS NULL OR a.id < $2::bigint)
        ORDER BY a.id DESC
        LIMIT $1`,
      [size + 1, cursor],
    );
    const nodes = rows.slice(0, size).map(toAuditEntry);
    const last = nodes[nodes.length - 1];
    return { nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeAuditCursor(last.id) : null } };
  }
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: JSON.stringify(row.details ?? {}),
    requestId: row.request_id,
    createdAt: row.created_at,
  };
}
