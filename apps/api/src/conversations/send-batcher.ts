import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MESSAGING_LIMITS } from '@kindred/domain';
import type { MessageRow } from './message-models.util';

/** One send as the database functions take it. */
export interface SendRequest {
  conversationId: string;
  authorId: string;
  clientId: string;
  body: string;
  parentId: string | null;
  mentionIds: readonly string[];
}

/** What kindred_send_message() returns for one send (see its migration). */
export interface SendRow extends Partial<MessageRow> {
  outcome: string;
  detail: string | null;
  kind: string | null;
  status: string | null;
  member_ids: string[] | null;
  blocked_ids: string[] | null;
  parent_author: string | null;
}

interface Pending {
  request: SendRequest;
  resolve: (row: SendRow) => void;
  reject: (error: unknown) => void;
}

export interface SendBatcherOptions {
  /** Statements in flight at once; further sends queue until one returns. */
  maxInFlight: number;
  /** Most sends in one statement. */
  maxBatch: number;
}

export const SEND_BATCH_DEFAULTS: SendBatcherOptions = { maxInFlight: 4, maxBatch: 100 };

const SINGLE_SQL = `SELECT * FROM kindred_send_message($1, $2, $3, $4, $5, $6::uuid[], $7, $8)`;
const BATCH_SQL = `SELECT * FROM kindred_send_messages($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7, $8)`;

/**
 * Group commit for message sends. A send goes to the database at once while fewer than
 * `maxInFlight` send statements are running (and none holds a send to its conversation);
 * otherwise it waits, and when a statement returns the waiting sends (up to `maxBatch`) go as ONE
 * statement, `kindred_send_messages()`, which runs each through the single-send function in one
 * transaction. Under load this replaces many
 * statements (each parsed, executed and committed, and each a round trip through the driver) by
 * a few; when idle a send is not delayed at all.
 *
 * Every send gets its own row, so its outcome (created, existing, each refusal) is the one a
 * single send would give; nothing is answered before the statement that stored it has committed.
 * If a batch statement fails as a whole (a deadlock with some other transaction, a constraint
 * error in one send, a lost connection), nothing of it was committed and its sends are retried one
 * by one with `kindred_send_message()`, so each again gets exactly its own answer.
 */
export class SendBatcher {
  private readonly logger = new Logger(SendBatcher.name);
  private queue: Pending[] = [];
  /** Conversations with a send in a running statement. */
  private readonly busy = new Set<string>();
  private inFlight = 0;
  /** Counts for tests and diagnostics. */
  readonly stats = { statements: 0, batches: 0, batchedSends: 0, fallbacks: 0 };

  constructor(
    private readonly db: DataSource,
    private readonly options: SendBatcherOptions = SEND_BATCH_DEFAULTS,
  ) {}

  send(request: SendRequest): Promise<SendRow> {
    return new Promise<SendRow>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  /**
   * Starts statements while fewer than `maxInFlight` run. A send waits while a statement holding a
   * send to the same conversation runs: each conversation's sends then go to the database one
   * statement after the other, in arrival order, so its seq order (and delivery order) is the order
   * they arrived in, and our own statements never queue on each other's conversation locks.
   */
  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length) {
      const batch: Pending[] = [];
      const rest: Pending[] = [];
      for (const p of this.queue) {
        if (batch.length < this.options.maxBatch && !this.busy.has(p.request.conversationId)) batch.push(p);
        else rest.push(p);
      }
      if (!batch.length) return;
      this.queue = rest;
      const conversations = [...new Set(batch.map((p) => p.request.conversationId))];
      for (const id of conversations) this.busy.add(id);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        for (const id of conversations) this.busy.delete(id);
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    this.stats.statements += 1;
    if (batch.length > 1) {
      this.stats.batches += 1;
      this.stats.batchedSends += batch.length;
      let rows: SendRow[] | null = null;
      try {
        rows = await this.sendMany(batch.map((p) => p.request));
      } catch (error) {
        this.stats.fallbacks += 1;
        this.logger.warn(`A batch of ${batch.length} sends failed (${(error as Error).message}); sending them one by one.`);
      }
      if (rows) {
        // In arrival order: each caller's continuation (emit, ack) then runs in seq order per conversation.
        batch.forEach((p, i) => p.resolve(rows[i]!));
        return;
      }
    }
    for (const p of batch) {
      await this.sendOne(p.request).then(p.resolve, p.reject);
    }
  }

  private async sendOne(r: SendRequest): Promise<SendRow> {
    const [row] = (await this.db.query(SINGLE_SQL, [
      r.conversationId,
      r.authorId,
      r.clientId,
      r.body,
      r.parentId,
      r.mentionIds,
      MESSAGING_LIMITS.floodMessages,
      MESSAGING_LIMITS.floodWindowSeconds,
    ])) as SendRow[];
    if (!row) throw new Error('kindred_send_message returned no row');
    return row;
  }

  /** One statement for all; the rows in input order. Throws unless every send has its row. */
  private async sendMany(requests: SendRequest[]): Promise<SendRow[]> {
    const rows = (await this.db.query(BATCH_SQL, [
      requests.map((r) => r.conversationId),
      requests.map((r) => r.authorId),
      requests.map((r) => r.clientId),
      requests.map((r) => r.body),
      requests.map((r) => r.parentId),
      // uuid[] literals: the ids are validated UUIDs.
      requests.map((r) => `{${r.mentionIds.join(',')}}`),
      MESSAGING_LIMITS.floodMessages,
      MESSAGING_LIMITS.floodWindowSeconds,
    ])) as Array<SendRow & { ord: number }>;
    const byOrd: SendRow[] = new Array<SendRow>(requests.length);
    for (const row of rows) byOrd[row.ord - 1] = row;
    for (let i = 0; i < requests.length; i += 1) {
      if (!byOrd[i]) throw new Error(`kindred_send_messages returned no row for send ${i + 1} of ${requests.length}`);
    }
    return byOrd;
  }
}
