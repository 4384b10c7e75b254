import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `kindred_send_message(...)`: the whole send in one round trip, so the hot path of real-time
 * messaging is one statement instead of a six-statement transaction (see tests/bench/realtime).
 *
 * Inside, in order: a per-author advisory lock for the statement's transaction (so a retried
 * client id and flood control are exact across connections and API instances: each later query
 * in a PL/pgSQL function takes a fresh snapshot and so sees sends committed while it waited); the
 * idempotency lookup; the conversation and membership; the posting rules (declined, closed, not
 * yet open, pending request, blocked, alone in a direct conversation); flood control; mentions and
 * the reply's parent; then the numbering (the conversation row's update serialises its sends, so
 * seq follows commit order), the insert and the author's read mark.
 *
 * It returns one row: `outcome` is 'created', 'existing' or an error code (with `detail`), plus the
 * stored message and what the caller needs to deliver it (kind, status, members, blocked members).
 * The API maps the codes to GraphQL errors (sendRefusal in MessagesService).
 */
export class SendMessageFunction1764560000000 implements MigrationInterface {
  name = 'SendMessageFunction1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION kindred_send_message(
        p_conversation uuid, p_author uuid, p_client_id text, p_body text, p_parent uuid, p_mentions uuid[],
        p_flood_max int, p_flood_seconds int)
      RETURNS TABLE (
        outcome text, detail text,
        id uuid, conversation_id uuid, seq bigint, client_id text, author_id uuid, author_name text, author_profession text,
        body text, parent_id uuid, mention_ids uuid[], created_at timestamptz, edited_at timestamptz, deleted_at timestamptz,
        hidden_at timestamptz, kind text, status text, member_ids uuid[], blocked_ids uuid[], parent_author uuid)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_msg messages%ROWTYPE;
        v_kind text;
        v_status text;
        v_created_by uuid;
        v_opens_at timestamptz;
        v_members uuid[];
        v_blocked uuid[];
        v_recent int;
        v_parent_conv uuid;
        v_parent_parent uuid;
        v_parent_author uuid;
        v_parent_id uuid;
        v_seq bigint;
        v_name text;
        v_profession text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('send:' || p_author::text));
        SELECT display_name, profession INTO v_name, v_profession FROM users WHERE users.id = p_author;

        SELECT * INTO v_msg FROM messages m WHERE m.author_id = p_author AND m.client_id = p_client_id;
        IF FOUND THEN
          IF v_msg.conversation_id <> p_conversation THEN
            RETURN QUERY SELECT 'CLIENT_ID_REUSED'::text, NULL::text, NULL::uuid, NULL::uuid, NULL::bigint, NULL::text, NULL::uuid,
              NULL::text, NULL::text, NULL::text, NULL::uuid, NULL::uuid[], NULL::timestamptz, NULL::timestamptz, NULL::timestamptz,
              NULL::timestamptz, NULL::text, NULL::text, NULL::uuid[], NULL::uuid[], NULL::uuid;
            RETURN;
          END IF;
          RETURN QUERY SELECT 'existing'::text, NULL::text, v_msg.id, v_msg.conversation_id, v_msg.seq, v_msg.client_id, v_msg.author_id,
            v_name, v_profession, v_msg.body, v_msg.parent_id, v_msg.mention_ids, v_msg.created_at, v_msg.edited_at, v_msg.deleted_at,
            v_msg.hidden_at, NULL::text, NULL::text, NULL::uuid[], NULL::uuid[], NULL::uuid;
          RETURN;
        END IF;

        SELECT c.kind, c.status, c.created_by, c.opens_at INTO v_kind, v_status, v_created_by, v_opens_at
          FROM conversations c WHERE c.id = p_conversation;
        IF NOT FOUND THEN
          outcome := 'NOT_FOUND';
          RETURN NEXT;
          RETURN;
        END IF;
        SELECT coalesce(array_agg(cm.user_id), '{}') INTO v_members FROM conversation_members cm WHERE cm.conversation_id = p_conversation;
        IF NOT (p_author = ANY (v_members)) THEN
          outcome := 'NOT_A_MEMBER';
          RETURN NEXT;
          RETURN;
        END IF;
        SELECT coalesce(array_agg(x), '{}') INTO v_blocked FROM (
          SELECT b.blocked_id AS x FROM blocks b WHERE b.blocker_id = p_author AND b.blocked_id = ANY (v_members)
          UNION SELECT b.blocker_id FROM blocks b WHERE b.blocked_id = p_author AND b.blocker_id = ANY (v_members)) t;

        IF v_status = 'declined' THEN
          outcome := 'MESSAGING_CLOSED'; detail := 'declined';
        ELSIF v_status = 'closed' THEN
          outcome := 'MESSAGING_CLOSED'; detail := 'closed';
        ELSIF v_opens_at IS NOT NULL AND v_opens_at > now() THEN
          outcome := 'THREAD_NOT_OPEN'; detail := to_char(v_opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        ELSIF v_status = 'request' AND v_created_by IS DISTINCT FROM p_author THEN
          outcome := 'REQUEST_PENDING';
        ELSIF v_kind = 'direct' AND cardinality(v_blocked) > 0 THEN
          outcome := 'BLOCKED';
        ELSIF v_kind = 'direct' AND cardinality(v_members) < 2 THEN
          outcome := 'MESSAGING_CLOSED'; detail := 'alone';
        END IF;
        IF outcome IS NOT NULL THEN
          RETURN NEXT;
          RETURN;
        END IF;

        SELECT count(*)::int INTO v_recent FROM messages m
         WHERE m.author_id = p_author AND m.created_at > now() - make_interval(secs => p_flood_seconds);
        IF v_recent >= p_flood_max THEN
          outcome := 'RATE_LIMITED';
          RETURN NEXT;
          RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM unnest(coalesce(p_mentions, '{}')) AS u WHERE NOT (u = ANY (v_members))) THEN
          outcome := 'BAD_MENTIONS';
          RETURN NEXT;
          RETURN;
        END IF;
        IF p_parent IS NOT NULL THEN
          SELECT m.conversation_id, m.parent_id, m.author_id INTO v_parent_conv, v_parent_parent, v_parent_author
            FROM messages m WHERE m.id = p_parent;
          IF NOT FOUND OR v_parent_conv <> p_conversation THEN
            outcome := 'BAD_PARENT';
            RETURN NEXT;
            RETURN;
          END IF;
          -- Replies are one level deep: a reply to a reply joins its parent's thread.
          v_parent_id := coalesce(v_parent_parent, p_parent);
          IF v_parent_parent IS NOT NULL THEN
            SELECT m.author_id INTO v_parent_author FROM messages m WHERE m.id = v_parent_parent;
          END IF;
        END IF;

        UPDATE conversations c SET last_seq = c.last_seq + 1, last_message_at = now(), updated_at = now()
         WHERE c.id = p_conversation RETURNING c.last_seq INTO v_seq;
        INSERT INTO messages AS m (conversation_id, seq, author_id, client_id, body, parent_id, mention_ids)
        VALUES (p_conversation, v_seq, p_author, p_client_id, p_body, v_parent_id, coalesce(p_mentions, '{}'))
        RETURNING * INTO v_msg;
        UPDATE conversation_members cm SET last_read_seq = v_seq WHERE cm.conversation_id = p_conversation AND cm.user_id = p_author;

        RETURN QUERY SELECT 'created'::text, NULL::text, v_msg.id, v_msg.conversation_id, v_msg.seq, v_msg.client_id, v_msg.author_id,
          v_name, v_profession, v_msg.body, v_msg.parent_id, v_msg.mention_ids, v_msg.created_at, v_msg.edited_at, v_msg.deleted_at,
          v_msg.hidden_at, v_kind, v_status, v_members, v_blocked, v_parent_author;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kindred_send_message(uuid, uuid, text, text, uuid, uuid[], int, int)`);
  }
}
