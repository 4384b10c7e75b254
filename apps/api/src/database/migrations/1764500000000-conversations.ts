import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations between clinicians, with blocks, reports and moderation.
 *
 * - `conversations.last_seq` numbers each conversation's messages 1, 2, 3...: a send bumps it with
 *   an UPDATE that row-locks the conversation, so within a conversation `seq` follows commit order
 *   and a client that saw seq n can catch up with `seq > n` without gaps.
 * - `direct_key` ("<smaller uuid>:<larger uuid>") makes a direct conversation one per pair.
 * - `messages (author_id, client_id)` is unique: a retried send finds the stored message.
 * - `conversation_members.last_read_seq` drives unread counts (others' messages after it).
 * - `messages_author_recent_idx` serves flood control (a user's messages in the last seconds).
 * - Users gain a messaging policy, an email preference for messages and a suspension mark;
 *   projects and messages gain `hidden_at` for moderation.
 */
export class Conversations1764500000000 implements MigrationInterface {
  name = 'Conversations1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN message_policy text NOT NULL DEFAULT 'anyone' CHECK (message_policy IN ('anyone', 'shared-theme', 'nobody')),
        ADD COLUMN message_email_digest boolean NOT NULL DEFAULT false,
        ADD COLUMN suspended_at timestamptz`);
    await q.query(`ALTER TABLE projects ADD COLUMN hidden_at timestamptz`);

    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('direct', 'group', 'webinar')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('request', 'open', 'declined', 'closed')),
        title text CHECK (title IS NULL OR char_length(title) BETWEEN 1 AND 120),
        direct_key text UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        last_seq bigint NOT NULL DEFAULT 0,
        last_message_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT conversations_direct_has_key CHECK ((kind = 'direct') = (direct_key IS NOT NULL)),
        CONSTRAINT conversations_request_is_direct CHECK (status NOT IN ('request', 'declined') OR kind = 'direct')
      )`);

    await q.query(`
      CREATE TABLE conversation_members (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member')),
        last_read_seq bigint NOT NULL DEFAULT 0,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, user_id)
      )`);
    await q.query(`CREATE INDEX conversation_members_user_idx ON conversation_members (user_id, conversation_id)`);

    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        client_id text NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        parent_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        mention_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz,
        UNIQUE (conversation_id, seq)
      )`);
    await q.query(`CREATE UNIQUE INDEX messages_author_client_key ON messages (author_id, client_id)`);
    await q.query(`CREATE INDEX messages_author_recent_idx ON messages (author_id, created_at DESC)`);
    await q.query(`CREATE INDEX messages_parent_idx ON messages (parent_id) WHERE parent_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE message_reactions (
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        emoji text NOT NULL CHECK (char_length(emoji) BETWEEN 1 AND 16),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, user_id, emoji)
      )`);

    await q.query(`
      CREATE TABLE blocks (
        blocker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        blocked_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (blocker_id, blocked_id),
        CHECK (blocker_id <> blocked_id)
      )`);
    await q.query(`CREATE INDEX blocks_blocked_idx ON blocks (blocked_id, blocker_id)`);

    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reporter_id uuid REFERENCES users(id) ON DELETE SET NULL,
        message_id uuid REFERENCES messages(id) ON DELETE CASCADE,
        project_id uuid REFERENCES projects(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN ('spam', 'harassment', 'patient-data', 'misinformation', 'other')),
        details text CHECK (details IS NULL OR char_length(details) <= 1000),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'actioned', 'dismissed')),
        resolution text,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_one_target CHECK ((message_id IS NULL) <> (project_id IS NULL))
      )`);
    await q.query(`CREATE INDEX reports_open_idx ON reports (created_at) WHERE status = 'open'`);
    await q.query(`CREATE UNIQUE INDEX reports_once_per_reporter_message ON reports (reporter_id, message_id) WHERE message_id IS NOT NULL AND status = 'open'`);
    await q.query(`CREATE UNIQUE INDEX reports_once_per_reporter_project ON reports (reporter_id, project_id) WHERE project_id IS NOT NULL AND status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP TABLE blocks`);
    await q.query(`DROP TABLE message_reactions`);
    await q.query(`DROP TABLE messages`);
    await q.query(`DROP TABLE conversation_members`);
    await q.query(`DROP TABLE conversations`);
    await q.query(`ALTER TABLE projects DROP COLUMN hidden_at`);
    await q.query(`ALTER TABLE users DROP COLUMN suspended_at, DROP COLUMN message_email_digest, DROP COLUMN message_policy`);
  }
}
