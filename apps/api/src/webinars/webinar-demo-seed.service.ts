import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password-hashing.util';
import { DEMO_EMAIL_DOMAIN } from '../projects/seed/demo-data.util';
import { DEMO_LOGIN } from '../projects/seed/demo-login.constant';
import { LOCAL_FORMAT } from './webinar-time.util';
import { WebinarThreadsService } from './webinar-threads.service';

/** Any fixed number: serialises WHAMinar demo seeding when several instances start on one empty database. */
const WEBINAR_SEED_LOCK = 720_260_105;
const ZONE = 'Europe/London';

/** The demo organiser: signs in with the shared demo password and may schedule WHAMinars. */
export const DEMO_ORGANISER = {
  email: 'organiser@kindred.example',
  displayName: 'Dr Demo Organiser (demo)',
  bio: 'The shared demo organiser account: schedules the demo WHAMinars. Anyone with the demo password can sign in as this user.',
} as const;

interface DemoWebinar {
  title: string;
  description: string;
  local: DateTime;
  durationMinutes: number;
  capacity: number | null;
  themes: string[];
  region: { region: string; lat: number; lng: number; placeName: string } | null;
  status: 'published' | 'finished';
  guest: { name: string; affiliation: string };
}

/**
 * With SEED_DEMO on, an empty database (no WHAMinars) gets three demo WHAMinars run by a demo
 * organiser account (`organiser@kindred.example`, the demo password): one tomorrow with the demo
 * login and some demo clinicians registered, one in a fortnight on the map (Glasgow), and one last
 * week, finished, with attendance, resources and a follow-up thread with a pinned message.
 * Called from main.ts after the projects are seeded, like the other demo data.
 */
@Injectable()
export class WebinarDemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly db: DataSource,
    private readonly threads: WebinarThreadsService,
  ) {}

  /** True when it seeded. */
  async seedIfEmpty(now: Date = new Date()): Promise<boolean> {
    const seeded = await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [WEBINAR_SEED_LOCK]);
      const [row]: Array<{ found: boolean }> = await m.query(`SELECT EXISTS (SELECT 1 FROM webinars) AS found`);
      if (row?.found) return false;
      const organiserId = await this.organiser(m);
      const [demo] = (await m.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [DEMO_LOGIN.email])) as Array<{ id: string }>;
      const people: Array<{ id: string }> = await m.query(
        `SELECT id FROM users WHERE email LIKE $1 ORDER BY created_at, id LIMIT 12`,
        [`demo.%@${DEMO_EMAIL_DOMAIN}`],
      );
      const attendees = [...(demo ? [demo.id] : []), ...people.map((p) => p.id)];
      const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');

      await this.webinar(m, organiserId, attendees.slice(0, 7), {
        title: 'Asking about money in a 10-minute consultation',
        description: [
          'How do you ask about money, housing and food without making anyone feel judged? A GP, a health visitor and a welfare adviser share the **one-question screens** they use, and what happens next.',
          '',
          '- what to ask, and when',
          '- who to refer to (and how to make the referral stick)',
          '- what changed for families',
          '',
          'Bring your own questions: there is time for discussion, and the conversation carries on in the thread afterwards.',
        ].join('\n'),
        local: today.plus({ days: 1 }).set({ hour: 12, minute: 30 }),
        durationMinutes: 60,
        capacity: 40,
        themes: ['child-poverty', 'social-history-screening', 'welfare-income-advice'],
        region: null,
        status: 'published',
        guest: { name: 'Aisha Rahman', affiliation: 'Citizens Advice, Bradford' },
      });
      await this.webinar(m, organiserId, attendees.slice(3, 8), {
        title: 'Warm spaces and fuel poverty: planning for winter',
        description:
          'Clinicians and community partners in Glasgow on running warm spaces with health checks, and what the data say about cold homes and children’s health. [Background reading](https://www.gov.scot/).',
        local: today.plus({ days: 14 }).set({ hour: 18, minute: 0 }),
        durationMinutes: 90,
        capacity: null,
        themes: ['fuel-poverty', 'housing', 'community-partnership'],
        region: { region: 'Scotland', lat: 55.8642, lng: -4.2518, placeName: 'Glasgow' },
        status: 'published',
        guest: { name: 'Callum Fraser', affiliation: 'Glasgow Community Food Network' },
      });
      const past = await this.webinar(m, organiserId, attendees.slice(0, 6), {
        title: 'Welfare advice in clinic: six months on',
        description: 'Three practices that brought welfare advisers into their waiting rooms report back: numbers, stories and what they would do differently.',
        local: today.minus({ days: 7 }).set({ hour: 13, minute: 0 }),
        durationMinutes: 60,
        capacity: 30,
        themes: ['welfare-income-advice', 'income-cost-of-living'],
        region: null,
        status: 'finished',
        guest: { name: 'Priya Natarajan', affiliation: 'Deep End GP network' },
      });
      await this.pastThread(m, past, organiserId, attendees.slice(0, 6));
      return true;
    });
    if (seeded) this.logger.log(`Seeded 3 demo WHAMinars; demo organiser: ${DEMO_ORGANISER.email}  password: ${DEMO_LOGIN.password}`);
    return seeded;
  }

  private async organiser(m: EntityManager): Promise<string> {
    await m.query(
      `INSERT INTO users (email, password_hash, display_name, profession, specialty, organisation, bio, role)
       VALUES ($1, $2, $3, 'doctor', 'General practice', 'Kindred demo', $4, 'organiser')
       ON CONFLICT ((lower(email))) DO NOTHING`,
      [DEMO_ORGANISER.email, await hashPassword(DEMO_LOGIN.password), DEMO_ORGANISER.displayName, DEMO_ORGANISER.bio],
    );
    const [row] = (await m.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [DEMO_ORGANISER.email])) as Array<{ id: string }>;
    return row!.id;
  }

  private async webinar(m: EntityManager, organiserId: string, registrants: string[], w: DemoWebinar): Promise<{ id: string; threadId: string; startsAt: Date }> {
    const startsAt = w.local.toJSDate();
    const endsAt = w.local.plus({ minutes: w.durationMinutes }).toJSDate();
    const threadId = await this.threads.create(m, { title: w.title, organiserId, opensAt: startsAt });
    const [row] = (await m.query(
      `INSERT INTO webinars (organiser_id, title, description, time_zone, local_start, starts_at, duration_minutes, ends_at,
         join_url, capacity, themes, region, location, place_name, status, published_at, finished_at, thread_conversation_id)
       VALUES ($1, $2, $3, $4, $5::timestamp, $6, $7, $8, $9, $10, $11::text[], $12,
         CASE WHEN $13::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($14::float8, $13::float8), 4326)::geography END,
         $15, $16, now(), CASE WHEN $16 = 'finished' THEN $8::timestamptz END, $17)
       RETURNING id`,
      [
        organiserId,
        w.title,
        w.description,
        ZONE,
        w.local.toFormat(LOCAL_FORMAT),
        startsAt,
        w.durationMinutes,
        endsAt,
        `https://meet.example.org/whaminar-${randomUUID().slice(0, 8)}`,
        w.capacity,
        w.themes,
        w.region?.region ?? null,
        w.region?.lat ?? null,
        w.region?.lng ?? null,
        w.region?.placeName ?? null,
        w.status,
        threadId,
      ],
    )) as Array<{ id: string }>;
    const id = row!.id;
    await m.query(`INSERT INTO webinar_speakers (webinar_id, position, user_id) VALUES ($1, 1, $2)`, [id, organiserId]);
    await m.query(`INSERT INTO webinar_speakers (webinar_id, position, name, affiliation) VALUES ($1, 2, $2, $3)`, [id, w.guest.name, w.guest.affiliation]);
    const registeredAt = new Date(Math.min(Date.now(), startsAt.getTime()) - 3 * 24 * 3600_000);
    await m.query(
      `INSERT INTO webinar_registrations (webinar_id, user_id, status, queued_at, registered_at, attended_at, attendance_source)
       SELECT $1, u, 'registered', $2, $2, CASE WHEN $3 THEN $4::timestamptz END, CASE WHEN $3 THEN 'check-in' END
         FROM unnest($5::uuid[]) AS u WHERE u <> $6
       ON CONFLICT DO NOTHING`,
      [id, registeredAt, w.status === 'finished', startsAt, registrants, organiserId],
    );
    await this.threads.syncMembers(m, id);
    return { id, threadId, startsAt };
  }

  /** A few messages after the event, one reply, resources, and the organiser's pinned summary. */
  private async pastThread(m: EntityManager, past: { id: string; threadId: string; startsAt: Date }, organiserId: string, people: string[]): Promise<void> {
    const [first, second, third] = people.filter((p) => p !== organiserId);
    const at = (minutes: number) => new Date(past.startsAt.getTime() + minutes * 60_000);
    const post = async (author: string | undefined, body: string, minutes: number, parentId: string | null = null): Promise<string | null> => {
      if (!author) return null;
      const [row] = (await m.query(
        `WITH c AS (UPDATE conversations SET last_seq = last_seq + 1, last_message_at = $5, updated_at = $5 WHERE id = $1 RETURNING last_seq)
         INSERT INTO messages (conversation_id, seq, author_id, client_id, body, parent_id, created_at)
         SELECT $1, c.last_seq, $2, $3, $4, $6, $5 FROM c RETURNING id`,
        [past.threadId, author, `demo-${randomUUID()}`, body, at(minutes), parentId],
      )) as Array<{ id: string }>;
      return row?.id ?? null;
    };
    const summary = await post(
      organiserId,
      'Thank you all for coming! Slides and the recording are attached above. Key points: ask everyone, refer warmly, follow up within a week.',
      65,
    );
    const question = await post(first, 'Did any of the practices measure how many referrals actually reached an adviser?', 70);
    await post(second, 'We did: about two thirds in the first month, rising once the adviser sat in the clinic on Tuesdays.', 85, question);
    await post(third, 'We are starting this in January in Sheffield: happy to share our referral form with anyone.', 240);
    await m.query(`UPDATE conversation_members SET last_read_seq = (SELECT last_seq FROM conversations WHERE id = $1) WHERE conversation_id = $1`, [
      past.threadId,
    ]);
    await m.query(`UPDATE webinars SET pinned_message_id = $2 WHERE id = $1`, [past.id, summary]);
    await m.query(
      `INSERT INTO webinar_resources (webinar_id, kind, title, url, created_by, created_at) VALUES
         ($1, 'slides', 'Slides: welfare advice in clinic', 'https://example.org/whaminars/welfare-advice-slides.pdf', $2, $3),
         ($1, 'recording', 'Recording (60 min)', 'https://example.org/whaminars/welfare-advice-recording', $2, $4)`,
      [past.id, organiserId, at(62), at(63)],
    );
  }
}
