import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERROR_CODES, isThemeId, LIMITS, themeLabel, WEBINAR_LIMITS } from '@kindred/domain';
import { bboxProblem } from '@kindred/geo';
import type { AuthUser } from '../auth/auth-user';
import { CliniciansService, isUuid } from '../clinicians/clinicians.service';
import { toClinician } from '../clinicians/clinician-models.util';
import type { Clinician } from '../clinicians/models/clinician.model';
import { apiError, badInput, notFound, unauthenticated } from '../common/graphql-errors.util';
import { AppConfigService } from '../config/app-config.service';
import { ProjectsService } from '../projects/projects.service';
import { decodeProjectCursor, encodeProjectCursor } from '../projects/project-cursor.util';
import type { WebinarsArgs, WebinarsInBBoxArgs } from './dto/webinars.args';
import type { RecommendedWebinar, WebinarConnection } from './models/webinar-connection.model';
import type { Webinar } from './models/webinar.model';
import { type ResourceRow, type SpeakerRow, toWebinar, WEBINAR_SELECT, WEBINAR_VISIBLE, type WebinarRow } from './webinar-models.util';

/**
 * Reading WHAMinars as one viewer sees them: one, a filtered page, recommendations and the map
 * layer. Drafts are visible only to their organiser and admins (others get NOT_FOUND); viewer
 * dependent fields (join link, own registration, thread membership) are computed here, so no
 * resolver can hand them to the wrong person.
 */
@Injectable()
export class WebinarQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clinicians: CliniciansService,
    private readonly projects: ProjectsService,
    private readonly config: AppConfigService,
  ) {}

  /** One webinar the viewer may see; NOT_FOUND (field `field`) otherwise. */
  async get(viewer: AuthUser | null, id: string, field = 'id'): Promise<Webinar> {
    const [model] = await this.byIds(viewer, [id]);
    if (!model) throw notFound('WHAMinar', field);
    return model;
  }

  /**
   * The viewer's view of these webinars, in the order given, leaving out any they may not see.
   * Reads through the pool: never call it inside a transaction (the embedded database has one
   * connection).
   */
  async byIds(viewer: AuthUser | null, ids: readonly string[]): Promise<Webinar[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows: WebinarRow[] = await this.db.query(`${WEBINAR_SELECT} WHERE w.id = ANY($3::uuid[]) AND ${WEBINAR_VISIBLE}`, [
      viewer?.id ?? null,
      viewer?.role === 'admin',
      valid,
    ]);
    const models = await this.toModels(viewer, rows);
    const byId = new Map(models.map((w) => [w.id, w]));
    return valid.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async list(viewer: AuthUser | null, args: WebinarsArgs): Promise<WebinarConnection> {
    const filter = args.filter ?? {};
    const size = args.first ?? LIMITS.page.defaultSize;
    checkThemes(filter.themes ?? [], 'filter.themes');
    if (filter.from && filter.to && filter.from >= filter.to) throw badInput('filter.to', 'to must be after from.');
    if ((filter.registered || filter.organising) && !viewer) throw unauthenticated('Sign in to list your own WHAMinars.');
    const cursor = args.after ? decodeProjectCursor(args.after) : null;
    if (args.after && !cursor) throw badInput('after', 'after is not a cursor from this list.');

    const params: unknown[] = [viewer?.id ?? null, viewer?.role === 'admin'];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where = [WEBINAR_VISIBLE];
    if (filter.status) where.push(`w.status = ${add(filter.status)}`);
    else if (!filter.organising) where.push(`w.status <> 'draft'`);
    where.push(filter.past ? 'w.ends_at <= now()' : 'w.ends_at > now()');
    if (filter.themes?.length) where.push(`w.themes && ${add(filter.themes)}::text[]`);
    if (filter.from) where.push(`w.starts_at >= ${add(filter.from)}`);
    if (filter.to) where.push(`w.starts_at < ${add(filter.to)}`);
    if (filter.registered) {
      where.push(`EXISTS (SELECT 1 FROM webinar_registrations r WHERE r.webinar_id = w.id AND r.user_id = $1::uuid AND r.status IN ('registered', 'waiting'))`);
    }
    if (filter.organising) where.push(`w.organiser_id = $1::uuid`);

    const countParams = [...params];
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM webinars w WHERE ${where.join(' AND ')}`, countParams)) as Array<{
      n: number;
    }>;
    const direction = filter.past ? 'DESC' : 'ASC';
    if (cursor) {
      where.push(
        `(w.starts_at, w.id) ${filter.past ? '<' : '>'} (CAST(${add(cursor.createdAt)} AS timestamptz), CAST(${add(cursor.id)} AS uuid))`,
      );
    }
    const rows: WebinarRow[] = size
      ? await this.db.query(
          `${WEBINAR_SELECT} WHERE ${where.join(' AND ')} ORDER BY w.starts_at ${direction}, w.id ${direction} LIMIT ${add(size + 1)}`,
          params,
        )
      : [];
    const kept = rows.slice(0, size);
    const last = kept[kept.length - 1];
    return {
      nodes: await this.toModels(viewer, kept),
      totalCount: n,
      pageInfo: {
        hasNextPage: rows.length > size,
        endCursor: last ? encodeProjectCursor({ createdAt: last.cursor_ts, id: last.id }) : null,
      },
    };
  }

  /**
   * Published, upcoming WHAMinars the viewer has not signed up for and does not organise: most
   * themes in common with the viewer's projects first, then soonest.
   */
  async recommended(viewer: AuthUser, first: number): Promise<RecommendedWebinar[]> {
    const mine = [...new Set((await this.projects.listMine(viewer.id)).flatMap((p) => p.themes.map((t) => t.id)))];
    const rows: WebinarRow[] = await this.db.query(
      `${WEBINAR_SELECT}
        WHERE w.status = 'published' AND w.starts_at > now() AND w.organiser_id <> $1::uuid
          AND NOT EXISTS (SELECT 1 FROM webinar_registrations r
                           WHERE r.webinar_id = w.id AND r.user_id = $1::uuid AND r.status IN ('registered', 'waiting'))
        ORDER BY cardinality(ARRAY(SELECT unnest(w.themes) INTERSECT SELECT unnest($2::text[]))) DESC, w.starts_at, w.id
        LIMIT $3`,
      [viewer.id, mine, first],
    );
    const models = await this.toModels(viewer, rows);
    return models.map((webinar) => {
      const shared = webinar.themes.filter((t) => mine.includes(t.id));
      return {
        webinar,
        sharedThemes: shared,
        reason: shared.length
          ? `${shared.length === 1 ? '1 theme' : `${shared.length} themes`} of your projects: ${shared.map((t) => themeLabel(t.id).toLowerCase()).join(', ')}`
          : 'Coming up soon',
      };
    });
  }

  /** The map layer: upcoming published WHAMinars with a region point inside the box, soonest first. */
  async inBBox(viewer: AuthUser | null, args: WebinarsInBBoxArgs): Promise<Webinar[]> {
    const problem = bboxProblem(args.bbox);
    if (problem) throw badInput('bbox', problem);
    checkThemes(args.themes ?? [], 'themes');
    const { west, south, east, north } = args.bbox;
    const rows: WebinarRow[] = await this.db.query(
      `${WEBINAR_SELECT}
        WHERE w.status = 'published' AND w.ends_at > now() AND w.location IS NOT NULL
          AND w.location && ST_MakeEnvelope($2, $3, $4, $5, 4326)::geography
          AND (cardinality($6::text[]) = 0 OR w.themes && $6::text[])
        ORDER BY w.starts_at, w.id LIMIT $7`,
      [viewer?.id ?? null, west, south, east, north, args.themes ?? [], WEBINAR_LIMITS.mapMax],
    );
    return this.toModels(viewer, rows);
  }

  /** Every occurrence of a series the viewer may see, in date order. */
  async seriesOccurrences(viewer: AuthUser | null, seriesId: string): Promise<Webinar[]> {
    const rows: WebinarRow[] = await this.db.query(
      `${WEBINAR_SELECT} WHERE w.series_id = $3 AND ${WEBINAR_VISIBLE} ORDER BY w.starts_at, w.id`,
      [viewer?.id ?? null, viewer?.role === 'admin', seriesId],
    );
    return this.toModels(viewer, rows);
  }

  async toModels(viewer: AuthUser | null, rows: readonly WebinarRow[]): Promise<Webinar[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const speakers: SpeakerRow[] = await this.db.query(
      `SELECT webinar_id, user_id, name, affiliation FROM webinar_speakers WHERE webinar_id = ANY($1::uuid[]) ORDER BY webinar_id, position`,
      [ids],
    );
    const resources: ResourceRow[] = await this.db.query(
      `SELECT id, webinar_id, kind, title, url, created_at FROM webinar_resources WHERE webinar_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
    const userIds = new Set([...rows.map((r) => r.organiser_id), ...speakers.flatMap((s) => (s.user_id ? [s.user_id] : []))]);
    const people = new Map<string, Clinician>();
    for (const user of await this.clinicians.findByIds([...userIds])) people.set(user.id, toClinician(user));
    const ctx = { viewer, people, speakers, resources, publicUrl: this.config.publicUrl };
    return rows.map((row) => toWebinar(row, ctx));
  }
}

/** Theme ids must come from the taxonomy. */
export function checkThemes(themes: readonly string[], field: string): void {
  const unknown = themes.filter((t) => !isThemeId(t));
  if (unknown.length) {
    throw apiError(ERROR_CODES.unknownTheme, `Unknown theme: ${unknown.map((t) => JSON.stringify(t)).join(', ')}.`, field);
  }
}

