import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ERROR_CODES, SOCKET_EVENTS } from '@kindred/domain';
import type { LatLng } from '@kindred/geo';
import type { AuthUser } from '../auth/auth-user';
import { CliniciansService, isUuid } from '../clinicians/clinicians.service';
import { apiError, badInput, notFound } from '../common/graphql-errors.util';
import { NewNotification, NotificationsService } from '../notifications/notifications.service';
import { PlacesService } from '../places/places.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { CreateWebinarInput } from './dto/create-webinar.input';
import type { UpdateWebinarSeriesInput } from './dto/update-webinar-series.input';
import type { UpdateWebinarInput } from './dto/update-webinar.input';
import type { WebinarRegionFocusInput } from './dto/webinar-region-focus.input';
import type { WebinarSpeakerInput } from './dto/webinar-speaker.input';
import type { WebinarSeries } from './models/webinar-series.model';
import type { Webinar } from './models/webinar.model';
import { assertCanManage, assertChangeable, LOCKED_COLUMNS, type LockedWebinar, lockWebinar } from './webinar-access.util';
import { cancelledNotices, updatedNotices, type WebinarChange, type WebinarNoticeSubject } from './webinar-notifications.util';
import { checkThemes, WebinarQueriesService } from './webinar-queries.service';
import { expandRecurrence } from './webinar-recurrence.util';
import { type RosterOutcome, WebinarRegistrationsService } from './webinar-registrations.service';
import { scheduleFrom } from './webinar-schedule.util';
import { WebinarThreadsService } from './webinar-threads.service';
import { isKnownTimeZone, LOCAL_FORMAT, withTimeOfDay, zonedInstantLenient } from './webinar-time.util';

/** A name is given to a bare point from the largest town within this distance. */
const NAME_NEAR_KM = 10;

export interface SpeakerSpec {
  userId: string | null;
  name: string | null;
  affiliation: string | null;
}

export interface RegionSpec {
  region: string;
  point: LatLng | null;
  placeName: string | null;
}

interface Occurrence {
  local: string;
  startsAt: Date;
  endsAt: Date;
}

/** A webinar's new values; an absent key keeps the current one. */
interface WebinarPatch {
  title?: string;
  description?: string;
  schedule?: { timeZone: string; local: string; startsAt: Date; endsAt: Date; durationMinutes: number };
  joinUrl?: string;
  capacity?: number | null;
  themes?: string[];
  speakers?: SpeakerSpec[];
  region?: RegionSpec | null;
}

const subjectOf = (w: Pick<LockedWebinar, 'id' | 'title' | 'starts_at' | 'time_zone'>): WebinarNoticeSubject => ({
  id: w.id,
  title: w.title,
  startsAt: w.starts_at,
  timeZone: w.time_zone,
});

/**
 * Owns `webinars`, `webinar_series` and `webinar_speakers`: scheduling by organisers (and admins),
 * recurring series, publishing, cancelling and finishing. Every input is checked in full before
 * the transaction that writes; a refusal writes nothing. A webinar keeps its organiser's wall-clock
 * start and zone, and its UTC instants are recomputed from them on every change. Every change
 * bumps the iCalendar SEQUENCE and tells the people signed up (in-app; in the email digest when
 * their registration asked for email).
 */
@Injectable()
export class WebinarsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queries: WebinarQueriesService,
    private readonly threads: WebinarThreadsService,
    private readonly registrations: WebinarRegistrationsService,
    private readonly notifications: NotificationsService,
    private readonly clinicians: CliniciansService,
    private readonly places: PlacesService,
    private readonly realtime: RealtimeService,
  ) {}

  /** A draft (or, with `publish`, a published WHAMinar); with `recurrence`, one per occurrence. Returns the first. */
  async create(actor: AuthUser, input: CreateWebinarInput): Promise<Webinar> {
    const now = new Date();
    checkThemes(input.themes ?? [], 'input.themes');
    const result = scheduleFrom(input, now);
    if (!result.ok) throw badInput(`input.${result.field}`, result.message);
    const { schedule } = result;
    const speakers = await this.resolveSpeakers(input.speakers ?? [], 'input.speakers');
    const region = input.regionFocus ? this.resolveRegion(input.regionFocus, 'input.regionFocus') : null;

    let rule: string | null = null;
    let occurrences: Occurrence[] = [{ local: schedule.local, startsAt: schedule.startsAt.toJSDate(), endsAt: schedule.endsAt.toJSDate() }];
    if (input.recurrence) {
      const expanded = expandRecurrence(input.recurrence, schedule.local);
      if (!expanded.ok) throw badInput('input.recurrence', expanded.message);
      rule = expanded.rule;
      occurrences = expanded.locals.map((local) => {
        const at = zonedInstantLenient(local, schedule.timeZone);
        return { local: at.toFormat(LOCAL_FORMAT), startsAt: at.toJSDate(), endsAt: at.plus({ minutes: schedule.durationMinutes }).toJSDate() };
      });
      if (occurrences[0]!.startsAt <= now) throw badInput('input.startsAt', 'The series’ first occurrence is in the past: choose a later start.');
    }

    const status = input.publish ? 'published' : 'draft';
    const { ids, membership } = await this.db.transaction(async (m) => {
      let seriesId: string | null = null;
      if (rule) {
        const [series] = (await m.query(
          `INSERT INTO webinar_series (organiser_id, rrule, time_zone, local_start) VALUES ($1, $2, $3, $4::timestamp) RETURNING id`,
          [actor.id, rule, schedule.timeZone, schedule.local],
        )) as Array<{ id: string }>;
        seriesId = series!.id;
      }
      const ids: string[] = [];
      const membership = [];
      for (const [i, occurrence] of occurrences.entries()) {
        const threadId = await this.threads.create(m, { title: input.title, organiserId: actor.id, opensAt: occurrence.startsAt });
        const [row] = (await m.query(
          `INSERT INTO webinars (organiser_id, series_id, series_position, title, description, time_zone, local_start, starts_at,
             duration_minutes, ends_at, join_url, capacity, themes, region, location, place_name, status, published_at,
             thread_conversation_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7::timestamp, $8, $9, $10, $11, $12, $13::text[], $14,
             CASE WHEN $15::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($16::float8, $15::float8), 4326)::geography END,
             $17, $18, CASE WHEN $18 = 'published' THEN now() END, $19)
           RETURNING id`,
          [
            actor.id,
            seriesId,
            seriesId ? i + 1 : null,
            input.title,
            input.description ?? '',
            schedule.timeZone,
            occurrence.local,
            occurrence.startsAt,
            schedule.durationMinutes,
            occurrence.endsAt,
            input.joinUrl,
            input.capacity ?? null,
            input.themes ?? [],
            region?.region ?? null,
            region?.point?.lat ?? null,
            region?.point?.lng ?? null,
            region?.placeName ?? null,
            status,
            threadId,
          ],
        )) as Array<{ id: string }>;
        await this.writeSpeakers(m, row!.id, speakers);
        membership.push(await this.threads.syncMembers(m, row!.id));
        ids.push(row!.id);
      }
      return { ids, membership };
    });
    this.threads.publishMembership(membership);
    return this.queries.get(actor, ids[0]!);
  }

  /** Changes one WHAMinar; an occurrence of a series leaves the series (later series edits skip it). */
  async update(actor: AuthUser, id: string, input: UpdateWebinarInput): Promise<Webinar> {
    const now = new Date();
    if (input.themes) checkThemes(input.themes, 'input.themes');
    const speakers = input.speakers ? await this.resolveSpeakers(input.speakers, 'input.speakers') : undefined;
    const region = input.regionFocus === undefined ? undefined : input.regionFocus === null ? null : this.resolveRegion(input.regionFocus, 'input.regionFocus');
    const outcome = await this.db.transaction(async (m) => {
      const w = await lockWebinar(m, actor, id, 'id');
      assertCanManage(actor, w);
      assertChangeable(w);
      const patch: WebinarPatch = { speakers, region };
      if (input.title != null) patch.title = input.title;
      if (input.description != null) patch.description = input.description;
      if (input.joinUrl != null) patch.joinUrl = input.joinUrl;
      if (input.capacity !== undefined) patch.capacity = input.capacity;
      if (input.themes) patch.themes = input.themes;
      if (input.startsAt != null || input.timeZone != null || input.durationMinutes != null || input.endsAt != null) {
        const result = scheduleFrom(
          {
            startsAt: input.startsAt ?? w.local_start,
            timeZone: input.timeZone ?? w.time_zone,
            durationMinutes: input.endsAt != null ? null : (input.durationMinutes ?? w.duration_minutes),
            endsAt: input.endsAt ?? null,
          },
          null,
        );
        if (!result.ok) throw badInput(`input.${result.field}`, result.message);
        const { schedule } = result;
        if (schedule.startsAt.toMillis() !== w.starts_at.getTime() && schedule.startsAt.toMillis() <= now.getTime()) {
          throw badInput('input.startsAt', `The new start (${schedule.local} ${schedule.timeZone}) is in the past: choose a future time.`);
        }
        patch.schedule = { ...schedule, startsAt: schedule.startsAt.toJSDate(), endsAt: schedule.endsAt.toJSDate() };
      }
      return this.applyPatch(m, actor, w, patch, true);
    });
    this.registrations.afterCommit(outcome);
    return this.queries.get(actor, id);
  }

  /**
   * Applies changes to every future occurrence of a series still following it (not edited on its
   * own; draft or published). Dates stay; `startTime` gives each a new local time of day.
   */
  async updateSeries(actor: AuthUser, seriesId: string, input: UpdateWebinarSeriesInput): Promise<WebinarSeries> {
    const now = new Date();
    if (!isUuid(seriesId)) throw notFound('Series', 'seriesId');
    if (input.themes) checkThemes(input.themes, 'input.themes');
    if (input.timeZone != null && !isKnownTimeZone(input.timeZone)) {
      throw badInput('input.timeZone', `Unknown time zone "${input.timeZone}": use an IANA name such as Europe/London.`);
    }
    const speakers = input.speakers ? await this.resolveSpeakers(input.speakers, 'input.speakers') : undefined;
    const region = input.regionFocus === undefined ? undefined : input.regionFocus === null ? null : this.resolveRegion(input.regionFocus, 'input.regionFocus');
    const { outcomes, series } = await this.db.transaction(async (m) => {
      const [series] = (await m.query(
        `SELECT id, organiser_id, rrule, time_zone, to_char(local_start, 'YYYY-MM-DD"T"HH24:MI') AS local_start,
                (SELECT count(*)::int FROM webinars WHERE series_id = s.id) AS n
           FROM webinar_series s WHERE id = $1 FOR UPDATE`,
        [seriesId],
      )) as Array<{ id: string; organiser_id: string; rrule: string; time_zone: string; local_start: string; n: number }>;
      if (!series) throw notFound('Series', 'seriesId');
      assertCanManage(actor, series);
      const following: LockedWebinar[] = await m.query(
        `SELECT ${LOCKED_COLUMNS} FROM webinars w
          WHERE w.series_id = $1 AND NOT w.detached AND w.status IN ('draft', 'published') AND w.starts_at > now()
          ORDER BY w.starts_at FOR UPDATE OF w`,
        [seriesId],
      );
      const outcomes: RosterOutcome[] = [];
      for (const w of following) {
        const patch: WebinarPatch = { speakers, region };
        if (input.title != null) patch.title = input.title;
        if (input.description != null) patch.description = input.description;
        if (input.joinUrl != null) patch.joinUrl = input.joinUrl;
        if (input.capacity !== undefined) patch.capacity = input.capacity;
        if (input.themes) patch.themes = input.themes;
        if (input.startTime != null || input.timeZone != null || input.durationMinutes != null) {
          const timeZone = input.timeZone ?? w.time_zone;
          const at = zonedInstantLenient(input.startTime != null ? withTimeOfDay(w.local_start, input.startTime) : w.local_start, timeZone);
          if (at.toMillis() <= now.getTime()) {
            throw badInput('input.startTime', `That would move the occurrence on ${w.local_start.slice(0, 10)} into the past.`);
          }
          const durationMinutes = input.durationMinutes ?? w.duration_minutes;
          patch.schedule = {
            timeZone,
            local: at.toFormat(LOCAL_FORMAT),
            startsAt: at.toJSDate(),
            endsAt: at.plus({ minutes: durationMinutes }).toJSDate(),
            durationMinutes,
          };
        }
        outcomes.push(await this.applyPatch(m, actor, w, patch, false));
      }
      const timeZone = input.timeZone ?? series.time_zone;
      const local = input.startTime != null ? withTimeOfDay(series.local_start, input.startTime) : series.local_start;
      await m.query(`UPDATE webinar_series SET time_zone = $2, local_start = $3::timestamp, updated_at = now() WHERE id = $1`, [seriesId, timeZone, local]);
      return { outcomes, series: { ...series, time_zone: timeZone } };
    });
    for (const outcome of outcomes) this.registrations.afterCommit(outcome);
    return { id: series.id, rrule: series.rrule, timeZone: series.time_zone, occurrenceCount: series.n, organiserId: series.organiser_id };
  }

  /** A draft goes public (with `wholeSeries`, also the later draft occurrences still following the series). */
  async publish(actor: AuthUser, id: string, wholeSeries: boolean): Promise<Webinar> {
    await this.db.transaction(async (m) => {
      const w = await lockWebinar(m, actor, id, 'id');
      assertCanManage(actor, w);
      assertChangeable(w);
      if (w.status === 'draft' && w.starts_at <= w.db_now) throw badInput('id', 'Its start has passed: move it to a future time before publishing.');
      const ids = [w.id, ...(wholeSeries ? (await this.laterInSeries(m, w, ['draft'])).map((o) => o.id) : [])];
      await m.query(
        `UPDATE webinars SET status = 'published', published_at = now(), updated_at = now()
          WHERE id = ANY($1::uuid[]) AND status = 'draft' AND starts_at > now()`,
        [ids],
      );
    });
    return this.queries.get(actor, id);
  }

  /**
   * Cancels (with `wholeSeries`, also the later occurrences still following the series): the
   * thread closes, calendars get STATUS:CANCELLED, everyone signed up is told.
   */
  async cancel(actor: AuthUser, id: string, reason: string | null, wholeSeries: boolean): Promise<Webinar> {
    const { notices, threads } = await this.db.transaction(async (m) => {
      const w = await lockWebinar(m, actor, id, 'id');
      assertCanManage(actor, w);
      assertChangeable(w);
      const targets = [w, ...(wholeSeries ? await this.laterInSeries(m, w, ['draft', 'published']) : [])];
      const notices: NewNotification[] = [];
      const threads: string[] = [];
      for (const t of targets) {
        await m.query(
          `UPDATE webinars SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2, sequence = sequence + 1, updated_at = now()
            WHERE id = $1`,
          [t.id, reason],
        );
        if (t.thread_conversation_id) {
          await this.threads.setStatus(m, t.thread_conversation_id, 'closed');
          threads.push(t.thread_conversation_id);
        }
        if (t.status === 'published') notices.push(...cancelledNotices(subjectOf(t), reason, await this.registrations.signedUp(m, t.id, actor.id)));
      }
      await this.notifications.notify(notices, m);
      return { notices, threads };
    });
    this.registrations.afterCommit({ membership: [], notices });
    for (const conversationId of threads) {
      this.realtime.toConversation(conversationId, SOCKET_EVENTS.conversationUpdated, { conversationId, reason: 'closed' });
    }
    return this.queries.get(actor, id);
  }

  /** The organiser marks a started WHAMinar finished (the scheduler also finishes those that ended). */
  async finish(actor: AuthUser, id: string): Promise<Webinar> {
    await this.db.transaction(async (m) => {
      const w = await lockWebinar(m, actor, id, 'id');
      assertCanManage(actor, w);
      if (w.status === 'finished') return;
      if (w.status === 'cancelled') throw apiError(ERROR_CODES.webinarClosed, 'This WHAMinar was cancelled.', 'id');
      if (w.status === 'draft') throw badInput('id', 'A draft never took place: publish or cancel it.');
      if (w.db_now < w.starts_at) throw badInput('id', 'It has not started yet.');
      await m.query(`UPDATE webinars SET status = 'finished', finished_at = now(), updated_at = now() WHERE id = $1`, [id]);
    });
    return this.queries.get(actor, id);
  }

  /** Published WHAMinars whose end has passed become finished; returns how many. */
  async finishEnded(now: Date): Promise<number> {
    const [, affected] = (await this.db.query(
      `UPDATE webinars SET status = 'finished', finished_at = now(), updated_at = now() WHERE status = 'published' AND ends_at <= $1`,
      [now],
    )) as [unknown, number];
    return affected;
  }

  // ---- helpers ----

  /**
   * Writes a patch to one locked webinar: only what actually changes; nothing changed, nothing
   * happens. Otherwise SEQUENCE goes up, the thread follows (title, opening time, speakers), a
   * larger capacity promotes people waiting, and everyone signed up is told what changed.
   */
  private async applyPatch(m: EntityManager, actor: AuthUser, w: LockedWebinar, patch: WebinarPatch, detach: boolean): Promise<RosterOutcome> {
    const changes: WebinarChange[] = [];
    const currentRegion: RegionSpec | null = w.region
      ? { region: w.region, point: w.lat !== null && w.lng !== null ? { lat: w.lat, lng: w.lng } : null, placeName: w.place_name }
      : null;
    const next = {
      title: patch.title ?? w.title,
      description: patch.description ?? w.description,
      timeZone: patch.schedule?.timeZone ?? w.time_zone,
      local: patch.schedule?.local ?? w.local_start,
      startsAt: patch.schedule?.startsAt ?? w.starts_at,
      endsAt: patch.schedule?.endsAt ?? w.ends_at,
      duration: patch.schedule?.durationMinutes ?? w.duration_minutes,
      joinUrl: patch.joinUrl ?? w.join_url,
      capacity: patch.capacity !== undefined ? patch.capacity : w.capacity,
      themes: patch.themes ?? w.themes,
      region: patch.region !== undefined ? patch.region : currentRegion,
    };
    const regionKey = (r: RegionSpec | null) => (r ? JSON.stringify([r.region, r.point?.lat ?? null, r.point?.lng ?? null, r.placeName]) : '');
    if (next.title !== w.title) changes.push('title');
    if (next.description !== w.description) changes.push('description');
    if (next.startsAt.getTime() !== w.starts_at.getTime()) changes.push('time');
    if (next.timeZone !== w.time_zone) changes.push('time zone');
    if (next.duration !== w.duration_minutes) changes.push('duration');
    if (next.joinUrl !== w.join_url) changes.push('join link');
    if (next.capacity !== w.capacity) changes.push('capacity');
    if ([...next.themes].sort().join() !== [...w.themes].sort().join()) changes.push('themes');
    if (regionKey(next.region) !== regionKey(currentRegion)) changes.push('region');
    if (patch.speakers) {
      const current: SpeakerSpec[] = (
        (await m.query(`SELECT user_id, name, affiliation FROM webinar_speakers WHERE webinar_id = $1 ORDER BY position`, [w.id])) as Array<{
          user_id: string | null;
          name: string | null;
          affiliation: string | null;
        }>
      ).map((s) => ({ userId: s.user_id, name: s.name, affiliation: s.affiliation }));
      if (JSON.stringify(current) !== JSON.stringify(patch.speakers)) changes.push('speakers');
    }
    if (!changes.length) return { membership: [], notices: [] };

    await m.query(
      `UPDATE webinars SET title = $2, description = $3, time_zone = $4, local_start = $5::timestamp, starts_at = $6,
              duration_minutes = $7, ends_at = $8, join_url = $9, capacity = $10, themes = $11::text[], region = $12,
              location = CASE WHEN $13::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($14::float8, $13::float8), 4326)::geography END,
              place_name = $15, sequence = sequence + 1, detached = detached OR $16, updated_at = now()
        WHERE id = $1`,
      [
        w.id,
        next.title,
        next.description,
        next.timeZone,
        next.local,
        next.startsAt,
        next.duration,
        next.endsAt,
        next.joinUrl,
        next.capacity,
        next.themes,
        next.region?.region ?? null,
        next.region?.point?.lat ?? null,
        next.region?.point?.lng ?? null,
        next.region?.placeName ?? null,
        detach && w.series_id !== null,
      ],
    );
    if (changes.includes('speakers') && patch.speakers) {
      await m.query(`DELETE FROM webinar_speakers WHERE webinar_id = $1`, [w.id]);
      await this.writeSpeakers(m, w.id, patch.speakers);
    }
    if (w.thread_conversation_id) await this.threads.reschedule(m, w.thread_conversation_id, next.title, next.startsAt);

    const updated: LockedWebinar = { ...w, title: next.title, starts_at: next.startsAt, ends_at: next.endsAt, time_zone: next.timeZone, capacity: next.capacity };
    const promoted = changes.includes('capacity') ? await this.registrations.promote(m, updated) : [];
    const membership = await this.threads.syncMembers(m, w.id);
    const told =
      w.status === 'draft' ? [] : updatedNotices(subjectOf(updated), w.sequence + 1, changes, await this.registrations.signedUp(m, w.id, actor.id));
    await this.notifications.notify(told, m);
    return { membership: [membership], notices: [...promoted, ...told] };
  }

  /** Later occurrences of `w`'s series that still follow it, in these statuses, locked. */
  private async laterInSeries(m: EntityManager, w: LockedWebinar, statuses: string[]): Promise<LockedWebinar[]> {
    if (!w.series_id) return [];
    return m.query(
      `SELECT ${LOCKED_COLUMNS} FROM webinars w
        WHERE w.series_id = $1 AND w.id <> $2 AND NOT w.detached AND w.status = ANY($3::text[]) AND w.starts_at > $4
        ORDER BY w.starts_at FOR UPDATE OF w`,
      [w.series_id, w.id, statuses, w.starts_at],
    );
  }

  private async writeSpeakers(m: EntityManager, webinarId: string, speakers: readonly SpeakerSpec[]): Promise<void> {
    if (!speakers.length) return;
    await m.query(
      `INSERT INTO webinar_speakers (webinar_id, position, user_id, name, affiliation)
       SELECT $1, s.ord, s.user_id, s.name, s.affiliation
         FROM unnest($2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS s(user_id, name, affiliation, ord)`,
      [webinarId, speakers.map((s) => s.userId), speakers.map((s) => s.name), speakers.map((s) => s.affiliation)],
    );
  }

  /** Each speaker is a live user or a named guest, never both; a user at most once. */
  private async resolveSpeakers(list: readonly WebinarSpeakerInput[], field: string): Promise<SpeakerSpec[]> {
    const specs = list.map((s, i) => {
      if (!!s.userId === !!s.name) {
        throw badInput(`${field}.${i}`, 'Give a speaker’s userId (a Kindred user) or name (a guest), not both.');
      }
      return s.userId ? { userId: s.userId, name: null, affiliation: null } : { userId: null, name: s.name!, affiliation: s.affiliation ?? null };
    });
    const userIds = specs.flatMap((s) => (s.userId ? [s.userId] : []));
    if (new Set(userIds).size !== userIds.length) throw badInput(field, 'speakers must not repeat a person.');
    if (userIds.length) {
      const found = new Set((await this.clinicians.findByIds(userIds)).filter((u) => !u.suspendedAt).map((u) => u.id));
      const missing = specs.findIndex((s) => s.userId && !found.has(s.userId));
      if (missing >= 0) throw notFound('User', `${field}.${missing}.userId`);
    }
    return specs;
  }

  /** A nation, optionally with a point: given, or a UK place resolved by the gazetteer. */
  private resolveRegion(input: WebinarRegionFocusInput, field: string): RegionSpec {
    if (input.point) {
      const placeName = input.placeName ?? this.places.largestNear(input.point.lat, input.point.lng, NAME_NEAR_KM)?.name ?? null;
      return { region: input.region, point: { lat: input.point.lat, lng: input.point.lng }, placeName };
    }
    if (input.placeName) {
      const place = this.places.resolve(input.placeName);
      if (!place) throw apiError(ERROR_CODES.unknownPlace, `No UK town or city called “${input.placeName}”.`, `${field}.placeName`);
      return { region: input.region, point: { lat: place.lat, lng: place.lng }, placeName: place.name };
    }
    return { region: input.region, point: null, placeName: null };
  }
}
