import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** GraphQL and polling helpers shared by the multi-instance tests (talking to real API processes). */

export interface User {
  id: string;
  token: string;
}

export async function gql<T>(base: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function signUp(base: string, name: string): Promise<User> {
  const data = await gql<{ signUp: { accessToken: string; account: { id: string } } }>(
    base,
    `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken account { id } } }`,
    {
      input: {
        email: `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID().slice(0, 8)}@example.org`,
        password: `Long-enough-${randomUUID()}`,
        displayName: name,
        profession: 'nurse',
      },
    },
  );
  return { id: data.signUp.account.id, token: data.signUp.accessToken };
}

export async function group(base: string, owner: User, members: User[]): Promise<string> {
  const data = await gql<{ createGroupConversation: { id: string } }>(
    base,
    `mutation($input: CreateGroupConversationInput!) { createGroupConversation(input: $input) { id } }`,
    { input: { title: 'Across instances', memberIds: members.map((m) => m.id) } },
    owner.token,
  );
  return data.createGroupConversation.id;
}

export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The conversation's stored messages, oldest first, read straight from the database. */
export async function storedMessages(conversationId: string): Promise<Array<{ id: string; seq: number }>> {
  const db = new Client({ connectionString: process.env['DATABASE_URL'] });
  await db.connect();
  try {
    const rows: Array<{ id: string; seq: string }> = (
      await db.query(`SELECT id, seq FROM messages WHERE conversation_id = $1 ORDER BY seq`, [conversationId])
    ).rows;
    return rows.map((r) => ({ id: r.id, seq: Number(r.seq) }));
  } finally {
    await db.end();
  }
}
