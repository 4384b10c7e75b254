import { ERROR_CODES } from '@kindred/domain';
import request from 'supertest';
import { RateLimitService } from '../src/security/rate-limit.service';
import { createConfiguredTestApp } from './configured-app';
import { signUp, type SignedUpUser } from './fixtures';
import { bearer, count, post } from './http-fixtures';
import type { TestApp } from './test-app';

/**
 * Hardening of issue 6, end to end on real PostGIS: query depth and complexity limits, rate
 * limits (brute-force sign-in, sign-up, writes), security headers and CORS, request ids, the audit
 * log and /metrics, on an app with strict limits (the rest of the suite runs with generous ones,
 * see global-setup.ts). The operation allow-list: security-allowlist.integration-spec.ts.
 */

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

const from = (ip: string) => ({ 'x-forwarded-for': ip });

/** `parent { parent { … { id } } }`, `levels` deep. */
function nestedParents(levels: number): string {
  return Array.from({ length: levels }).reduce<string>((inner) => `parent { ${inner} }`, 'id');
}

/** Waits, when needed, so that the current fixed window of `seconds` has at least `margin` seconds left. */
async function awayFromWindowEnd(seconds: number, margin = 10): Promise<void> {
  const left = seconds - ((Date.now() / 1000) % seconds);
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 250));
}

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken account { id } } }`;

describe('hardening (integration)', () => {
  describe('with strict limits', () => {
    let t: TestApp;
    let admin: SignedUpUser;
    let alice: SignedUpUser;
    let bob: SignedUpUser;

    beforeAll(async () => {
      t = await createConfiguredTestApp({
        RATE_LIMIT_SIGN_IN_PER_EMAIL: '3',
        RATE_LIMIT_SIGN_IN_PER_IP: '5',
        RATE_LIMIT_SIGN_UP_PER_IP: '4',
        RATE_LIMIT_MUTATIONS_PER_USER: '6',
        TRUST_PROXY: 'true',
        METRICS_TOKEN,
        TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png',
      });
      await t.reset();
      // Three sign-ups from 127.0.0.1, under its limit of 4.
      admin = await signUp(t);
      alice = await signUp(t);
      bob = await signUp(t);
    });
    afterAll(async () => t?.close());

    describe('query depth and complexity', () => {
      it('refuses a depth bomb with QUERY_TOO_DEEP, naming the depth and the limit, before running it', async () => {
        const query = `query Deep($id: ID!) { conversationMessages(conversationId: $id) { nodes { ${nestedParents(20)} } } }`;
        const res = await post(t, { query, variables: { id: '00000000-0000-4000-8000-000000000000' } }, bearer(alice));
        expect(res.status).toBe(400);
        expect(res.body.data).toBeUndefined();
        const error = res.body.errors?.[0];
        expect(error?.extensions?.code).toBe(ERROR_CODES.queryTooDeep);
        expect(error?.message).toBe('Query depth 23 exceeds the limit of 12.');
        expect(error?.extensions).toMatchObject({ depth: 23, maxDepth: 12 });
      });

      it('refuses a too-deep mutation without changing anything', async () => {
        const query = `mutation($input: StartDirectConversationInput!) {
          startDirectConversation(input: $input) { id lastMessage { ${nestedParents(12)} } } }`;
        const res = await post(t, { query, variables: { input: { userId: bob.id } } }, bearer(alice));
        expect(res.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.queryTooDeep);
        expect(await count(t, 'conversations')).toBe(0);
      });

      it('counts fragments when measuring depth', async () => {
        const query = `query { conversationMessages(conversationId: "x") { nodes { ...A } } }
          fragment A on Message { parent { ...B } }
          fragment B on Message { ${nestedParents(9)} }`;
        const res = await post(t, { query }, bearer(alice));
        // conversationMessages, nodes, A's parent, B's nine parents, id.
        expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: ERROR_CODES.queryTooDeep, depth: 13 });
      });

      it('refuses a complexity bomb with QUERY_TOO_COMPLEX, weighting lists by `first`', async () => {
        // Each page: 1 + 100 rows × (nodes 1 + owner 1 + themes 1) = 301; seven pages are 2107.
        const page = `projects(first: 100) { nodes { id owner { id displayName } themes { id } } }`;
        const query = `query { ${Array.from({ length: 7 }, (_, i) => `p${i}: ${page}`).join(' ')} }`;
        const res = await post(t, { query }, bearer(alice));
        expect(res.status).toBe(400);
        expect(res.body.data).toBeUndefined();
        const error = res.body.errors?.[0];
        expect(error?.extensions).toMatchObject({ code: ERROR_CODES.queryTooComplex, complexity: 2107, maxComplexity: 2000 });
        expect(error?.message).toBe('Query complexity 2107 exceeds the limit of 2000.');
      });

      it('takes `first` from variables: the same query with small pages passes', async () => {
        const pages = Array.from({ length: 7 }, (_, i) => `p${i}: projects(first: $first) { nodes { id owner { id } themes { id } } }`);
        const query = `query P($first: Int) { ${pages.join(' ')} }`;
        const big = await post(t, { query, variables: { first: 100 } }, bearer(alice));
        expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: ERROR_CODES.queryTooComplex, complexity: 2107 });
        const small = await post(t, { query, variables: { first: 5 } }, bearer(alice));
        expect(small.body.errors).toBeUndefined();
        expect(small.body.data).toHaveProperty('p6.nodes');
      });

      it('refuses an alias bomb of writes without running any of them', async () => {
        const fields = Array.from({ length: 2001 }, (_, i) => `r${i}: registerProject(input: $input) { id }`).join(' ');
        const query = `mutation($input: RegisterProjectInput!) { ${fields} }`;
        const input = { title: 'Alias bomb', summary: 'Should never be stored at all.', themes: ['food-insecurity'], stage: 'idea', location: { lat: 53.8, lng: -1.55 } };
        const res = await post(t, { query, variables: { input } }, bearer(alice));
        expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: ERROR_CODES.queryTooComplex, complexity: 2001 });
        expect(await count(t, 'projects')).toBe(0);
      });
    });

    describe('rate limits', () => {
      it('limits brute-force sign-in per address and email, even with the right password, and starts no session', async () => {
        await awayFromWindowEnd(15 * 60);
        const attacker = from('198.51.100.7');
        for (let i = 0; i < 3; i++) {
          const res = await post(t, { query: SIGN_IN, variables: { input: { email: alice.email, password: `wrong-${i}-password` } } }, attacker);
          expect(res.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.invalidCredentials);
        }
        const sessions = await count(t, 'refresh_tokens');
        const res = await post(t, { query: SIGN_IN, variables: { input: { email: alice.email, password: alice.password } } }, attacker);
        expect(res.status).toBe(429);
        expect(res.body.data).toBeUndefined();
        const error = res.body.errors?.[0];
        expect(error?.extensions?.code).toBe(ERROR_CODES.rateLimited);
        expect(error?.message).toMatch(/^Too many sign-in attempts; try again in \d+ (minutes|seconds)\.$/);
        const retryAfter = error?.extensions?.['retryAfterSeconds'] as number;
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(15 * 60);
        expect(res.headers['retry-after']).toBe(String(retryAfter));
        expect(await count(t, 'refresh_tokens')).toBe(sessions);

        // The same address and email in another case or with spaces is the same counter.
        const variant = await post(t, { query: SIGN_IN, variables: { input: { email: ` ${alice.email.toUpperCase()} `, password: alice.password } } }, attacker);
        expect(variant.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.rateLimited);

        // Alice herself, from her own network, is not locked out.
        const mine = await post(t, { query: SIGN_IN, variables: { input: { email: alice.email, password: alice.password } } }, from('203.0.113.20'));
        expect(mine.body.errors).toBeUndefined();
      });

      it('limits sign-in attempts per address across emails (password spraying)', async () => {
        await awayFromWindowEnd(15 * 60);
        const sprayer = from('198.51.100.9');
        for (let i = 0; i < 5; i++) {
          const res = await post(t, { query: SIGN_IN, variables: { input: { email: `nobody-${i}@example.org`, password: 'Spray-password-1' } } }, sprayer);
          expect(res.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.invalidCredentials);
        }
        const res = await post(t, { query: SIGN_IN, variables: { input: { email: bob.email, password: bob.password } } }, sprayer);
        expect(res.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.rateLimited);
      });

      it('counts each aliased sign-in of one request', async () => {
        const query = `mutation($input: SignInInput!) { ${['a', 'b', 'c', 'd'].map((k) => `${k}: signIn(input: $input) { accessToken }`).join(' ')} }`;
        const sessions = await count(t, 'refresh_tokens');
        const res = await post(t, { query, variables: { input: { email: bob.email, password: bob.password } } }, from('198.51.100.10'));
        expect(res.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.rateLimited);
        expect(await count(t, 'refresh_tokens')).toBe(sessions);
      });

      it('counts sign-in emails written inline as well as in variables', async () => {
        const inline = (password: string) =>
          `mutation { signIn(input: { email: ${JSON.stringify(bob.email)}, password: ${JSON.stringify(password)} }) { accessToken } }`;
        await awayFromWindowEnd(15 * 60);
        const ip = from('198.51.100.11');
        for (let i = 0; i < 3; i++) await post(t, { query: inline(`wrong-${i}-password`) }, ip);
        const res = await post(t, { query: inline(bob.password) }, ip);
        expect(res.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.rateLimited);
      });

      it('limits sign-ups per address and creates no account when refusing', async () => {
        await awayFromWindowEnd(60 * 60);
        const query = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
        const input = (n: string) => ({ email: `sign-up-${n}@example.org`, password: 'Tall-river-9-lantern', displayName: `Dr ${n}`, profession: 'doctor' });
        const network = from('198.51.100.40');
        for (const n of ['a', 'b', 'c', 'd']) {
          expect((await post(t, { query, variables: { input: input(n) } }, network)).body.errors).toBeUndefined();
        }
        const users = await count(t, 'users');
        const res = await post(t, { query, variables: { input: input('e') } }, network);
        expect(res.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.rateLimited);
        expect(res.body.errors?.[0]?.message).toMatch(/^Too many sign-ups from this network; try again in \d+ (minutes|seconds)\.$/);
        expect(await count(t, 'users')).toBe(users);
        // Another network can still sign up.
        const other = await post(t, { query, variables: { input: input('e') } }, from('203.0.113.30'));
        expect(other.body.errors).toBeUndefined();
      });

      it('limits writes per user, counting each root field, and leaves others alone', async () => {
        await awayFromWindowEnd(60, 5);
        const update = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName } }`;
        for (let i = 0; i < 4; i++) {
          const res = await post(t, { query: update, variables: { input: { displayName: `Dr Alice ${i}` } } }, bearer(alice));
          expect(res.body.errors).toBeUndefined();
        }
        const two = `mutation { a: updateProfile(input: { bio: "one" }) { bio } b: updateProfile(input: { bio: "two" }) { bio } }`;
        expect((await post(t, { query: two }, bearer(alice))).body.errors).toBeUndefined();
        const refused = await post(t, { query: update, variables: { input: { displayName: 'Dr Alice refused' } } }, bearer(alice));
        expect(refused.status).toBe(429);
        expect(refused.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.rateLimited);
        expect(refused.body.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeLessThanOrEqual(60);
        const [row] = await t.db.query(`SELECT display_name FROM users WHERE id = $1`, [alice.id]);
        expect(row.display_name).toBe('Dr Alice 3');
        // Reads are not writes; other people have their own allowance.
        expect((await post(t, { query: `{ me { id } }` }, bearer(alice))).body.errors).toBeUndefined();
        expect((await post(t, { query: update, variables: { input: { displayName: 'Dr Bob' } } }, bearer(bob))).body.errors).toBeUndefined();
      });

      it('keeps counters in the shared table and sweeps old windows', async () => {
        const keys: Array<{ key: string }> = await t.db.query(`SELECT key FROM rate_limits ORDER BY key`);
        expect(keys.map((k) => k.key)).toEqual(
          expect.arrayContaining([`mutation:user:${alice.id}`, 'sign-in:ip:198.51.100.7', 'sign-up:ip:198.51.100.40', 'sign-up:ip:127.0.0.1']),
        );
        // Emails are never stored in clear.
        expect(keys.some((k) => k.key.includes('@'))).toBe(false);
        await t.db.query(`INSERT INTO rate_limits (key, window_start, count) VALUES ('sign-in:ip:192.0.2.1', now() - interval '3 hours', 99)`);
        const before = await count(t, 'rate_limits');
        expect(await t.app.get(RateLimitService).sweep()).toBe(1);
        expect(await count(t, 'rate_limits')).toBe(before - 1);
      });
    });

    describe('HTTP', () => {
      it('sends security headers with a CSP fit for the web app', async () => {
        const res = await request(t.app.getHttpServer()).get('/health/live');
        const csp = res.headers['content-security-policy'] as string;
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("img-src 'self' data: blob: https://*.tiles.example.org");
        expect(csp).toContain("connect-src 'self'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('upgrade-insecure-requests');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['strict-transport-security']).toBeUndefined(); // only behind an https PUBLIC_URL
        expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(res.headers['x-powered-by']).toBeUndefined();
      });

      it('answers no other origin (CORS is off unless CORS_ORIGINS lists it)', async () => {
        const preflight = await request(t.app.getHttpServer())
          .options('/graphql')
          .set('origin', 'https://evil.example')
          .set('access-control-request-method', 'POST')
          .set('access-control-request-headers', 'content-type,authorization');
        expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
        const res = await request(t.app.getHttpServer()).post('/graphql').set('origin', 'https://evil.example').set('content-type', 'application/json').send({ query: '{ themes { id } }' });
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      });

      it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
        const given = await request(t.app.getHttpServer()).get('/health/live').set('x-request-id', 'lb-7f3a9c.2');
        expect(given.headers['x-request-id']).toBe('lb-7f3a9c.2');
        const none = await request(t.app.getHttpServer()).get('/health/live');
        expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        const odd = await request(t.app.getHttpServer()).get('/health/live').set('x-request-id', 'has spaces "and quotes"');
        expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        const graphql = await post(t, { query: '{ themes { id } }' }, { 'x-request-id': 'trace-graphql-1' });
        expect(graphql.headers['x-request-id']).toBe('trace-graphql-1');
      });

      it('serves Prometheus metrics only with the metrics token', async () => {
        const server = t.app.getHttpServer();
        expect((await request(server).get('/metrics')).status).toBe(401);
        expect((await request(server).get('/metrics').set('authorization', 'Bearer wrong-token-0123456789')).status).toBe(401);
        // An access token is not the metrics token either.
        expect((await request(server).get('/metrics').set('authorization', `Bearer ${alice.token}`)).status).toBe(401);
        const res = await request(server).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/plain/);
        const text = res.text;
        expect(text).toMatch(/kindred_http_request_duration_seconds_bucket\{le="[^"]+",method="POST",route="\/graphql",status="200"\}/);
        expect(text).toMatch(/kindred_graphql_operations_total\{operation="SignIn",type="mutation",outcome="RATE_LIMITED"\} \d+/);
        expect(text).toMatch(/kindred_graphql_operations_total\{operation="Deep",type="query",outcome="QUERY_TOO_DEEP"\} 1/);
        expect(text).toMatch(/kindred_graphql_operations_total\{operation="SignIn",type="mutation",outcome="ok"\} \d+/);
        expect(text).toMatch(/^kindred_socket_connections 0$/m);
        expect(text).toMatch(/^kindred_messages_sent_total \d+$/m);
        expect(text).toMatch(/^kindred_db_pool_connections \d+$/m);
        expect(text).toMatch(/^kindred_db_pool_idle_connections \d+$/m);
        expect(text).toMatch(/^kindred_db_pool_waiting_requests \d+$/m);
        expect(text).toMatch(/^process_cpu_user_seconds_total /m);
        expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
      });
    });

    describe('audit log', () => {
      const AUDIT = `query($first: Int, $after: String) { auditLog(first: $first, after: $after) {
        nodes { id action targetType targetId details requestId createdAt actorId actor { id displayName } }
        pageInfo { hasNextPage endCursor } } }`;
      type AuditPage = {
        auditLog: {
          nodes: Array<{ action: string; targetType: string; targetId: string | null; details: string; requestId: string | null; actorId: string; actor: { id: string } | null }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };

      it('records role grants and indicator imports and deletions, with the request id', async () => {
        // Ids past a digit boundary (9 → 10), so the order is by number, not by text.
        await t.db.query(`SELECT setval(pg_get_serial_sequence('audit_log', 'id'), 98)`);
        const grant = `mutation($userId: ID!, $role: String!) { grantRole(userId: $userId, role: $role) { id role } }`;
        const granted = await post(t, { query: grant, variables: { userId: bob.id, role: 'organiser' } }, { ...bearer(admin), 'x-request-id': 'audit-grant-1' });
        expect(granted.body.errors).toBeUndefined();
        const csv = 'area_code,area_name,value,lat,lng\nA,Leeds,10,53.8,-1.55\nB,York,20,53.96,-1.08\nC,Hull,30,53.74,-0.33';
        const imported = await post<{ importIndicator: { indicator: { id: string } } }>(
          t,
          { query: `mutation($input: ImportIndicatorInput!) { importIndicator(input: $input) { indicator { id } } }`, variables: { input: { name: 'Audit test need', csv } } },
          bearer(admin),
        );
        const indicatorId = imported.body.data!.importIndicator.indicator.id;
        const deleted = await post(t, { query: `mutation($id: ID!) { deleteIndicator(id: $id) }`, variables: { id: indicatorId } }, bearer(admin));
        expect(deleted.body.errors).toBeUndefined();

        const page = await post<AuditPage>(t, { query: AUDIT, variables: { first: 2 } }, bearer(admin));
        expect(page.body.errors).toBeUndefined();
        const { nodes, pageInfo } = page.body.data!.auditLog;
        expect(nodes.map((n) => n.action)).toEqual(['indicator.delete', 'indicator.import']);
        expect(nodes[0]).toMatchObject({ targetType: 'indicator', targetId: indicatorId, actorId: admin.id, actor: { id: admin.id } });
        expect(JSON.parse(nodes[1]!.details)).toMatchObject({ name: 'Audit test need', importedAreas: 3 });
        expect(pageInfo.hasNextPage).toBe(true);
        const next = await post<AuditPage>(t, { query: AUDIT, variables: { first: 2, after: pageInfo.endCursor } }, bearer(admin));
        const grantEntry = next.body.data!.auditLog.nodes[0]!;
        expect(grantEntry).toMatchObject({ action: 'role.grant', targetType: 'user', targetId: bob.id, requestId: 'audit-grant-1' });
        expect(JSON.parse(grantEntry.details)).toEqual({ role: 'organiser', previousRole: 'clinician' });
      });

      it('is for admins only, and a refused action records nothing', async () => {
        const before = await count(t, 'audit_log');
        const res = await post(t, { query: AUDIT }, bearer(alice));
        expect(res.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.forbidden);
        const own = await post(t, { query: `mutation { grantRole(userId: "${admin.id}", role: "clinician") { id } }` }, bearer(admin));
        expect(own.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.forbidden);
        expect(await count(t, 'audit_log')).toBe(before);
      });
    });
  });
});
