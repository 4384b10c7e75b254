import { loggedPath, routeLabel } from './http-observer.middleware';
import { requestIdFrom } from './request-id.middleware';

describe('request ids', () => {
  it('keeps a sane incoming id', () => {
    expect(requestIdFrom('3f2b9c1e-lb.7:1')).toBe('3f2b9c1e-lb.7:1');
    expect(requestIdFrom(['first-id', 'second-id'])).toBe('first-id');
  });

  it('replaces a missing, long or odd one with a UUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(requestIdFrom(undefined)).toMatch(uuid);
    expect(requestIdFrom('')).toMatch(uuid);
    expect(requestIdFrom('x'.repeat(129))).toMatch(uuid);
    expect(requestIdFrom('id\nforged log line')).toMatch(uuid);
    expect(requestIdFrom('"quoted"')).toMatch(uuid);
  });
});

describe('metric route labels', () => {
  it('name the API routes and fold everything else into a few values', () => {
    expect(routeLabel('/graphql')).toBe('/graphql');
    expect(routeLabel('/health/ready')).toBe('/health/ready');
    expect(routeLabel('/api/webinars/123/calendar.ics')).toBe('/api/*');
    expect(routeLabel('/assets/index-5SnDEr6z.js')).toBe('/assets/*');
    expect(routeLabel('/projects/8c7e')).toBe('web');
  });
});

describe('logged paths', () => {
  it('mask the private calendar feed token', () => {
    expect(loggedPath('/api/calendar/s3cr3t-token.ics')).toBe('/api/calendar/:token.ics');
    expect(loggedPath('/api/webinars/42.ics')).toBe('/api/webinars/42.ics');
  });
});
