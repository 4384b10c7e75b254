import { SchedulerRegistry } from '@nestjs/schedule';
import { DIGEST_JOB, DigestService } from '../src/notifications/digest.service';
import { MailService } from '../src/notifications/mail.service';
import type { MailMessage } from '../src/notifications/smtp-client.util';
import { createTestApp, TestApp } from './test-app';
import { registerProject, signUp, SignedUpUser } from './fixtures';
import { createAlert, LEEDS, notificationsOf, offset } from './alerts-fixtures';

describe('alerts (integration): the daily email digest', () => {
  let t: TestApp;
  let digests: DigestService;
  let author: SignedUpUser;
  let keen: SignedUpUser;
  let quiet: SignedUpUser;
  /** What the mail service was asked to send (it still runs: with no SMTP_URL it logs). */
  let outbox: MailMessage[];
  let failNext = false;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    digests = t.app.get(DigestService);
    const mail = t.app.get(MailService);
    expect(mail.configured).toBe(false);
    const send = mail.send.bind(mail);
    outbox = [];
    jest.spyOn(mail, 'send').mockImplementation(async (message) => {
      if (failNext) {
        failNext = false;
        throw new Error('mail server down');
      }
      outbox.push(message);
      await send(message);
    });
    author = await signUp(t);
    keen = await signUp(t, { displayName: 'Keen Reader' });
    quiet = await signUp(t, { displayName: 'Quiet Reader' });
    await createAlert(t, keen.token, { name: 'Leeds by email', placeName: 'Leeds', radiusKm: 20, emailDigest: true });
    await createAlert(t, keen.token, { name: 'Leeds in app only', placeName: 'Leeds', radiusKm: 20, themes: ['housing'] });
    await createAlert(t, quiet.token, { name: 'No email please', placeName: 'Leeds', radiusKm: 20 });
  });
  afterAll(async () => t.close());

  const digestedCount = async (userId: string) =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND digested_at IS NOT NULL`, [userId])) as Array<{ n: number }>)[0]!.n;

  it('sends one digest per user with email-digest alerts, carrying only those alerts’ matches', async () => {
    await registerProject(t, author.token, { title: 'Housing clinic one', themes: ['housing'], location: LEEDS });
    await registerProject(t, author.token, { title: 'Housing clinic two', themes: ['housing'], location: offset(LEEDS, { east: 1, north: 0 }, 5) });
    // keen: two by email, two in-app only (the housing alert); quiet: two, never by email.
    expect(await notificationsOf(t, keen.token)).toHaveLength(4);
    expect(await notificationsOf(t, quiet.token)).toHaveLength(2);

    outbox.length = 0;
    const run = await digests.sendDueDigests(new Date());
    expect(run).toEqual({ digests: 1, notifications: 2, failed: 0 });
    expect(outbox).toHaveLength(1);
    const [mail] = outbox as [MailMessage];
    expect(mail.to).toBe(`Keen Reader <${keen.email}>`);
    expect(mail.subject).toBe('Your Kindred digest: 2 new notifications');
    expect(mail.text).toContain('Leeds by email');
    expect(mail.text).not.toContain('Leeds in app only');
    expect(mail.text).toMatch(/http:\/\/localhost:\d+\/projects\/[0-9a-f-]{36}/);
    expect(await digestedCount(keen.id)).toBe(2);
    expect(await digestedCount(quiet.id)).toBe(0);
  });

  it('is idempotent: a second run sends nothing and changes nothing', async () => {
    const before = await t.db.query(`SELECT id, digested_at FROM notifications ORDER BY id`);
    outbox.length = 0;
    expect(await digests.sendDueDigests(new Date())).toEqual({ digests: 0, notifications: 0, failed: 0 });
    expect(outbox).toEqual([]);
    expect(await t.db.query(`SELECT id, digested_at FROM notifications ORDER BY id`)).toEqual(before);
  });

  it('two runs at once send each notification once', async () => {
    await registerProject(t, author.token, { title: 'Racing digest', location: LEEDS });
    outbox.length = 0;
    const runs = await Promise.all([digests.sendDueDigests(new Date()), digests.sendDueDigests(new Date())]);
    expect(runs.reduce((n, r) => n + r.notifications, 0)).toBe(1);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.text).toContain('Racing digest');
  });

  it('leaves out notifications created after the run’s time, for the next run', async () => {
    const cutoff = new Date(Date.now() - 60_000);
    await registerProject(t, author.token, { title: 'Just now', location: LEEDS });
    outbox.length = 0;
    expect(await digests.sendDueDigests(cutoff)).toEqual({ digests: 0, notifications: 0, failed: 0 });
    expect((await digests.sendDueDigests(new Date())).notifications).toBe(1);
    expect(outbox.map((m) => m.text).join()).toContain('Just now');
  });

  it('hands a digest that could not be sent back for the next run', async () => {
    await registerProject(t, author.token, { title: 'Retry me', location: LEEDS });
    outbox.length = 0;
    failNext = true;
    expect(await digests.sendDueDigests(new Date())).toEqual({ digests: 0, notifications: 0, failed: 1 });
    expect(outbox).toEqual([]);
    expect(await digests.sendDueDigests(new Date())).toEqual({ digests: 1, notifications: 1, failed: 0 });
    expect(outbox[0]!.text).toContain('Retry me');
  });

  it('is scheduled daily at 07:00 UTC, and the schedule stops when the app closes', async () => {
    const job = t.app.get(SchedulerRegistry).getCronJob(DIGEST_JOB);
    expect(job.isActive).toBe(true);
    const next = job.nextDate().toUTC();
    expect([next.hour, next.minute, next.second]).toEqual([7, 0, 0]);
    expect(next.toMillis() - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
    await t.close();
    expect(job.isActive).toBe(false);
    // afterAll closes again: make that a no-op.
    t.close = async () => undefined;
  });
});
