import { createTestApp, countRows, TestApp } from './test-app';
import { signUp, SignedUpUser } from './fixtures';
import {
  AlertData,
  alertRow,
  CREATE_ALERT,
  createAlert,
  DELETE_ALERT,
  errorOf,
  LEEDS,
  MY_ALERTS,
  UPDATE_ALERT,
} from './alerts-fixtures';

describe('alerts (integration): saving, changing and deleting areas', () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let other: SignedUpUser;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    owner = await signUp(t);
    other = await signUp(t);
  });
  afterAll(async () => t.close());

  const myAlerts = async (token: string) => (await t.gql<{ myAlerts: AlertData[] }>(MY_ALERTS, {}, token)).data!.myAlerts;

  describe('createAlert', () => {
    it('saves a place and radius, resolving the place with the gazetteer', async () => {
      const res = await t.gql<{ createAlert: AlertData }>(
        CREATE_ALERT,
        { input: { name: '  Child poverty near me ', placeName: 'leeds', radiusKm: 25, themes: ['child-poverty', 'food-insecurity'] } },
        owner.token,
      );
      expect(res.errors).toBeUndefined();
      const alert = res.data!.createAlert;
      expect(alert).toMatchObject({ name: 'Child poverty near me', placeName: 'Leeds', radiusKm: 25, region: null, emailDigest: false });
      expect(alert.centre!.lat).toBeCloseTo(LEEDS.lat, 3);
      expect(alert.centre!.lng).toBeCloseTo(LEEDS.lng, 3);
      expect(alert.themes.map((th) => th.id)).toEqual(['child-poverty', 'food-insecurity']);
      expect((await myAlerts(owner.token)).map((a) => a.id)).toContain(alert.id);
    });

    it('saves a bare point (named after the town there), with no themes meaning any theme', async () => {
      const alert = await createAlert(t, owner.token, { centre: { lat: 53.8, lng: -1.56 }, radiusKm: 5, emailDigest: true });
      expect(alert).toMatchObject({ placeName: 'Leeds', radiusKm: 5, themes: [], emailDigest: true, centre: { lat: 53.8, lng: -1.56 } });
    });

    it('saves a region, one of the four UK nations', async () => {
      const alert = await createAlert(t, owner.token, { region: 'Northern Ireland', themes: ['housing'] });
      expect(alert).toMatchObject({ region: 'Northern Ireland', centre: null, radiusKm: null, placeName: null });
    });

    it('lists only my own alerts, newest first', async () => {
      const mine = await myAlerts(owner.token);
      expect(mine.length).toBe(3);
      expect(mine.map((a) => a.createdAt)).toEqual([...mine.map((a) => a.createdAt)].sort().reverse());
      expect(await myAlerts(other.token)).toEqual([]);
    });

    it.each([
      ['a blank name', { name: '   ', placeName: 'Leeds', radiusKm: 5 }, 'BAD_USER_INPUT', 'input.name'],
      ['a name over 80 characters', { name: 'x'.repeat(81), placeName: 'Leeds', radiusKm: 5 }, 'BAD_USER_INPUT', 'input.name'],
      ['a radius of 0 km', { placeName: 'Leeds', radiusKm: 0 }, 'BAD_USER_INPUT', 'input.radiusKm'],
      ['a radius over 200 km', { placeName: 'Leeds', radiusKm: 201 }, 'BAD_USER_INPUT', 'input.radiusKm'],
      ['a place without a radius', { placeName: 'Leeds' }, 'BAD_USER_INPUT', 'input.radiusKm'],
      ['a radius without a place', { radiusKm: 10 }, 'BAD_USER_INPUT', 'input.radiusKm'],
      ['no area at all', {}, 'BAD_USER_INPUT', 'input.centre'],
      ['a latitude out of range', { centre: { lat: 91, lng: 0 }, radiusKm: 5 }, 'BAD_USER_INPUT', 'input.centre.lat'],
      ['a place the gazetteer does not know', { placeName: 'Atlantis-under-Sea', radiusKm: 5 }, 'UNKNOWN_PLACE', 'input.placeName'],
      ['a region that is not a UK nation', { region: 'Cornwall' }, 'BAD_USER_INPUT', 'input.region'],
      ['a region and a radius', { region: 'Wales', placeName: 'Cardiff', radiusKm: 5 }, 'BAD_USER_INPUT', 'input.region'],
      ['an unknown theme', { placeName: 'Leeds', radiusKm: 5, themes: ['housing', 'astrology'] }, 'UNKNOWN_THEME', 'input.themes'],
      ['a repeated theme', { placeName: 'Leeds', radiusKm: 5, themes: ['housing', 'housing'] }, 'BAD_USER_INPUT', 'input.themes'],
      [
        'six themes',
        { placeName: 'Leeds', radiusKm: 5, themes: ['housing', 'child-poverty', 'food-insecurity', 'fuel-poverty', 'mental-health', 'disability'] },
        'BAD_USER_INPUT',
        'input.themes',
      ],
    ])('refuses %s with its code and field, writing nothing', async (_case, input, code, field) => {
      const before = await countRows(t.db, 'alerts');
      const error = errorOf(await t.gql(CREATE_ALERT, { input: { name: 'Test alert', ...input } }, owner.token));
      expect({ code: error.code, field: error.field }).toEqual({ code, field });
      expect(error.message.length).toBeGreaterThan(5);
      expect(await countRows(t.db, 'alerts')).toBe(before);
    });

    it('refuses an anonymous caller (UNAUTHENTICATED), writing nothing', async () => {
      const before = await countRows(t.db, 'alerts');
      expect(errorOf(await t.gql(CREATE_ALERT, { input: { name: 'x', placeName: 'Leeds', radiusKm: 5 } })).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await t.gql(MY_ALERTS)).code).toBe('UNAUTHENTICATED');
      expect(await countRows(t.db, 'alerts')).toBe(before);
    });
  });

  describe('the 20-alert cap', () => {
    it('refuses the 21st alert (BAD_USER_INPUT with the limit) and keeps 20', async () => {
      const capped = await signUp(t);
      for (let i = 0; i < 20; i++) await createAlert(t, capped.token, { name: `Alert ${i + 1}`, region: 'England' });
      const error = errorOf(await t.gql(CREATE_ALERT, { input: { name: 'One too many', region: 'Wales' } }, capped.token));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions['limit']).toBe(20);
      expect(error.message).toMatch(/at most 20 alerts/);
      expect(await myAlerts(capped.token)).toHaveLength(20);
      // Deleting one makes room again.
      const [first] = await myAlerts(capped.token);
      expect((await t.gql(DELETE_ALERT, { id: first!.id }, capped.token)).data).toEqual({ deleteAlert: true });
      await createAlert(t, capped.token, { name: 'Room again', region: 'Wales' });
      expect(await myAlerts(capped.token)).toHaveLength(20);
    });

    it('holds when several creates race: from 18, exactly two of five succeed', async () => {
      const racer = await signUp(t);
      for (let i = 0; i < 18; i++) await createAlert(t, racer.token, { name: `Alert ${i + 1}`, region: 'Scotland' });
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => t.gql(CREATE_ALERT, { input: { name: `Racing ${i}`, region: 'Scotland' } }, racer.token)),
      );
      expect(results.filter((r) => !r.errors).length).toBe(2);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT').length).toBe(3);
      expect(await myAlerts(racer.token)).toHaveLength(20);
    });
  });

  describe('updateAlert', () => {
    it('changes the name, themes and digest, and resizes the circle when only a radius is given', async () => {
      const alert = await createAlert(t, owner.token, { placeName: 'Leeds', radiusKm: 10, themes: ['housing'] });
      const res = await t.gql<{ updateAlert: AlertData }>(
        UPDATE_ALERT,
        { id: alert.id, input: { name: 'Renamed', themes: [], emailDigest: true, radiusKm: 40 } },
        owner.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateAlert).toMatchObject({ name: 'Renamed', themes: [], emailDigest: true, radiusKm: 40, placeName: 'Leeds' });
      expect(res.data!.updateAlert.centre).toEqual(alert.centre);
    });

    it('switches a circle to a region and back', async () => {
      const alert = await createAlert(t, owner.token, { placeName: 'Leeds', radiusKm: 10 });
      const region = await t.gql<{ updateAlert: AlertData }>(UPDATE_ALERT, { id: alert.id, input: { region: 'Wales' } }, owner.token);
      expect(region.data!.updateAlert).toMatchObject({ region: 'Wales', centre: null, radiusKm: null, placeName: null });
      const back = await t.gql<{ updateAlert: AlertData }>(UPDATE_ALERT, { id: alert.id, input: { placeName: 'Cardiff', radiusKm: 15 } }, owner.token);
      expect(back.data!.updateAlert).toMatchObject({ region: null, placeName: 'Cardiff', radiusKm: 15 });
    });

    it.each([
      ['a blank name', { name: '  ' }, 'BAD_USER_INPUT', 'input.name'],
      ['an unknown theme', { themes: ['astrology'] }, 'UNKNOWN_THEME', 'input.themes'],
      ['an unknown place', { placeName: 'Atlantis-under-Sea' }, 'UNKNOWN_PLACE', 'input.placeName'],
      ['a region with a radius', { region: 'Scotland', radiusKm: 3 }, 'BAD_USER_INPUT', 'input.region'],
      ['a radius over 200 km', { radiusKm: 500 }, 'BAD_USER_INPUT', 'input.radiusKm'],
    ])('refuses %s and leaves the alert unchanged, even the fields that were valid', async (_case, input, code, field) => {
      const alert = await createAlert(t, owner.token, { placeName: 'Leeds', radiusKm: 10, themes: ['housing'] });
      const before = await alertRow(t, alert.id);
      const error = errorOf(await t.gql(UPDATE_ALERT, { id: alert.id, input: { emailDigest: true, ...input } }, owner.token));
      expect({ code: error.code, field: error.field }).toEqual({ code, field });
      expect(await alertRow(t, alert.id)).toEqual(before);
    });

    it('answers NOT_FOUND for an id that is no alert', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const error = errorOf(await t.gql(UPDATE_ALERT, { id, input: { name: 'x' } }, owner.token));
        expect({ code: error.code, field: error.field }).toEqual({ code: 'NOT_FOUND', field: 'id' });
      }
    });
  });

  describe('deleteAlert', () => {
    it('deletes my own alert', async () => {
      const alert = await createAlert(t, owner.token, { region: 'Scotland' });
      expect((await t.gql(DELETE_ALERT, { id: alert.id }, owner.token)).data).toEqual({ deleteAlert: true });
      expect(await alertRow(t, alert.id)).toBeUndefined();
      expect(errorOf(await t.gql(DELETE_ALERT, { id: alert.id }, owner.token)).code).toBe('NOT_FOUND');
    });
  });

  describe("someone else's alert", () => {
    let alert: AlertData;
    beforeAll(async () => {
      alert = await createAlert(t, owner.token, { name: 'Private plans', placeName: 'Leeds', radiusKm: 12, themes: ['housing'] });
    });

    it('cannot be read: it is in no one else’s list', async () => {
      expect((await myAlerts(other.token)).map((a) => a.id)).not.toContain(alert.id);
      expect((await myAlerts(owner.token)).map((a) => a.id)).toContain(alert.id);
    });

    it('cannot be updated (FORBIDDEN), and nothing changes', async () => {
      const before = await alertRow(t, alert.id);
      const error = errorOf(await t.gql(UPDATE_ALERT, { id: alert.id, input: { name: 'Hijacked', region: 'Wales' } }, other.token));
      expect(error.code).toBe('FORBIDDEN');
      expect(await alertRow(t, alert.id)).toEqual(before);
    });

    it('cannot be deleted (FORBIDDEN), and nothing is deleted', async () => {
      const before = await countRows(t.db, 'alerts');
      expect(errorOf(await t.gql(DELETE_ALERT, { id: alert.id }, other.token)).code).toBe('FORBIDDEN');
      expect(await countRows(t.db, 'alerts')).toBe(before);
      expect(await alertRow(t, alert.id)).toBeDefined();
    });
  });

  it('goes with its owner when the account is deleted', async () => {
    const leaving = await signUp(t);
    const alert = await createAlert(t, leaving.token, { region: 'Wales' });
    const res = await t.gql(`mutation($password: String!) { deleteAccount(password: $password) }`, { password: leaving.password }, leaving.token);
    expect(res.errors).toBeUndefined();
    expect(await alertRow(t, alert.id)).toBeUndefined();
  });
});
