import request from 'supertest';
import type { SignedUpUser } from './fixtures';
import type { GqlResult, TestApp } from './test-app';

export interface GqlResponse<T> {
  status: number;
  headers: Record<string, string>;
  body: GqlResult<T>;
}

/** POST /graphql with any body and headers, answering the status and headers too. */
export async function post<T = Record<string, unknown>>(
  t: TestApp,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  const res = await req.send(body);
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as GqlResult<T> };
}

export const bearer = (user: SignedUpUser): Record<string, string> => ({ authorization: `Bearer ${user.token}` });

/** Rows in a table, for asserting that a refused request wrote nothing. */
export async function count(t: TestApp, table: string): Promise<number> {
  const [row] = await t.db.query(`SELECT count(*)::int AS n FROM "${table}"`);
  return row.n as number;
}
