import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `kindred_send_messages(...)`: several sends in one statement (group commit; see SendBatcher).
 *
 * The inputs come as parallel arrays (the i-th element of each is the i-th send; mentions as
 * uuid[] literals, since PostgreSQL arrays cannot be ragged). Each send runs through
 * `kindred_send_message()` itself, so every outcome (created, existing, each refusal) is exactly
 * the single send's; a refusal is a returned row, not an error, so it never touches the others.
 * One row comes back per input, `ord` being its 1-based position.
 *
 * Lock order, so that batches on several connections or API instances (and single sends) cannot
 * deadlock: first every author's advisory lock in ascending key order (the same keys as the
 * single send: `hashtext('send:' || author)`; taking one again later is free), then every
 * conversation's row in ascending id order (FOR NO KEY UPDATE, the lock the numbering UPDATE
 * takes). Only then do the sends run, in input (arrival) order: seq follows arrival within a
 * conversation, and a client id or the flood limit is decided by arrival, as with single sends one
 * after the other. Later sends of the batch see the earlier ones (same transaction), so a client
 * id repeated inside a batch is 'existing' and flood control counts them.
 */
export class SendMessagesBatchFunction1764580000000 implements MigrationInterface {
  name = 'SendMessagesBatchFunction1764580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION kindred_send_messages(
        p_conversations uuid[], p_authors uuid[], p_client_ids text[], p_bodies text[], p_parents uuid[], p_mentions text[],
        p_flood_max int, p_flood_seconds int)
      RETURNS TABLE (
        ord int, outcome text, detail text,
        id uuid, conversation_id uuid, seq bigint, client_id text, author_id uuid, author_name text, author_profession text,
        body text, parent_id uuid, mention_ids uuid[], created_at timestamptz, edited_at timestamptz, deleted_at timestamptz,
        hidden_at timestamptz, kind text, status text, member_ids uuid[], blocked_ids uuid[], parent_author uuid)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_key int;
        r record;
      BEGIN
        FOR v_key IN SELECT DISTINCT hashtext('send:' || a::text) FROM unnest(p_authors) AS a ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(v_key);
        END LOOP;
        PERFORM 1 FROM conversations c WHERE c.id = ANY (p_conversations) ORDER BY c.id FOR NO KEY UPDATE;
        FOR r IN
          SELECT t.conv, t.author, t.cid, t.body, t.parent, t.mentions, t.n::int AS n
            FROM unnest(p_conversations, p_authors, p_client_ids, p_bodies, p_parents, p_mentions)
                 WITH ORDINALITY AS t(conv, author, cid, body, parent, mentions, n)
           ORDER BY t.n
        LOOP
          RETURN QUERY SELECT r.n, s.* FROM kindred_send_message(
            r.conv, r.author, r.cid, r.body, r.parent, coalesce(r.mentions, '{}')::uuid[], p_flood_max, p_flood_seconds) s;
        END LOOP;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kindred_send_messages(uuid[], uuid[], text[], text[], uuid[], text[], int, int)`);
  }
}
