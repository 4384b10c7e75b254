import request from 'supertest';
import { createTestApp, TestApp } from './test-app';

describe('health and transport (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reports liveness', async () => {
    const res = await request(t.app.getHttpServer()).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports readiness after checking the database', async () => {
    const res = await request(t.app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details.database.status).toBe('up');
  });

  it('runs on PostGIS', async () => {
    const [row] = await t.db.query(`SELECT ST_Distance(ST_MakePoint(-1.5, 53.8)::geography, ST_MakePoint(-1.4, 53.8)::geography) AS d`);
    expect(Number(row.d)).toBeGreaterThan(6000);
    expect(Number(row.d)).toBeLessThan(7000);
  });

  it('answers malformed JSON with 400 and a GraphQL-shaped error, not a crash', async () => {
    const res = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send('{not json');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'MALFORMED_REQUEST' } }] });
  });

  it('answers a body over 1 MB with 413, saying the limit', async () => {
    const big = JSON.stringify({ query: '{ themes { id } }', variables: { pad: 'x'.repeat(1_100_000) } });
    const res = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ errors: [{ message: 'The request body is over the limit of 1 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('answers a body in an unsupported character set with 415', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json; charset=klingon')
      .send('{"query":"{ themes { id } }"}');
    expect(res.status).toBe(415);
    expect(res.body.errors[0].extensions).toEqual({ code: 'MALFORMED_REQUEST' });
  });

  it('still answers the next request normally', async () => {
    const res = await t.gql<{ themes: Array<{ id: string }> }>('{ themes { id } }');
    expect(res.errors).toBeUndefined();
  });

  it('serves the taxonomy to anyone', async () => {
    const res = await t.gql<{ themes: Array<{ id: string }> }>('{ themes { id label group } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.themes).toHaveLength(28);
  });
});
