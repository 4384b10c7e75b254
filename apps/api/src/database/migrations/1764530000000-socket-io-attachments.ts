import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The table `@socket.io/postgres-adapter` uses for fan-out payloads too big for NOTIFY (8,000
 * bytes) or binary. Rows are transient: the adapter deletes old ones itself.
 */
export class SocketIoAttachments1764530000000 implements MigrationInterface {
  name = 'SocketIoAttachments1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS socket_io_attachments`);
  }
}
