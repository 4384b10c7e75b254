import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/graphql-errors.util';

export interface BlockRow {
  userId: string;
  blockedAt: Date;
}

/**
 * Owns `blocks`. A block is one-way in the table but two-way in effect: neither person can start a
 * direct conversation with the other, nothing either sends reaches the other, and peer results
 * hide them from each other. Every method that may run inside a transaction takes its manager.
 */
@Injectable()
export class BlocksService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async block(userId: string, otherId: string): Promise<boolean> {
    if (userId === otherId) throw badInput('userId', 'You cannot block yourself.');
    const [exists] = await this.db.query(`SELECT 1 FROM users WHERE id = $1`, [otherId]);
    if (!exists) throw notFound('User', 'userId');
    await this.db.query(
      `INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [userId, otherId],
    );
    return true;
  }

  /** False when there was no such block. */
  async unblock(userId: string, otherId: string): Promise<boolean> {
    const [, affected] = (await this.db.query(`DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2`, [
      userId,
      otherId,
    ])) as [unknown, number];
    return affected > 0;
  }

  async blockedBy(userId: string): Promise<BlockRow[]> {
    const rows: Array<{ blocked_id: string; created_at: Date }> = await this.db.query(
      `SELECT blocked_id, created_at FROM blocks WHERE blocker_id = $1 ORDER BY created_at DESC`,
      [userId],
    );
    return rows.map((r) => ({ userId: r.blocked_id, blockedAt: r.created_at }));
  }

  async isBlockedEitherWay(a: string, b: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM blocks WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1) LIMIT 1`,
      [a, b],
    );
    return rows.length > 0;
  }

  /** Everyone the user has blocked or been blocked by. */
  async blockedEitherWay(userId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT blocked_id AS id FROM blocks WHERE blocker_id = $1
       UNION SELECT blocker_id FROM blocks WHERE blocked_id = $1`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** Of `userIds`, those who have blocked `authorId` or whom the author has blocked. */
  async blockedAmong(authorId: string, userIds: readonly string[], manager: EntityManager = this.db.manager): Promise<string[]> {
    if (!userIds.length) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT blocker_id AS id FROM blocks WHERE blocked_id = $1 AND blocker_id = ANY($2::uuid[])
       UNION SELECT blocked_id FROM blocks WHERE blocker_id = $1 AND blocked_id = ANY($2::uuid[])`,
      [authorId, userIds],
    );
    return rows.map((r) => r.id);
  }
}
