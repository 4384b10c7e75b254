import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { Point as GeoJsonPoint } from 'geojson';
import {
  ERROR_CODES,
  isProfessionId,
  isStageId,
  isThemeId,
  LIMITS,
  LocationPrecision,
  PROFESSION_IDS,
  STAGE_IDS,
  StageId,
  ThemeId,
} from '@kindred/domain';
import { BBox, LatLng, roundToPrecision } from '@kindred/geo';
import { apiError, badInput, forbidden, notFound } from '../common/graphql-errors.util';
import { CliniciansService, isUuid } from '../clinicians/clinicians.service';
import { PlacesService } from '../places/places.service';
import type { ProjectFilterInput } from './dto/project-filter.input';
import type { RegisterProjectInput } from './dto/register-project.input';
import type { UpdateProjectInput } from './dto/update-project.input';
import type { Project } from './models/project.model';
import type { ProjectConnection } from './models/project-connection.model';
import { decodeProjectCursor, encodeProjectCursor } from './project-cursor.util';
import { fromGeoJsonPoint, toGeoJsonPoint, toProject } from './project-models.util';
import { ProjectEntity } from './project.entity';
import { ProjectEventsService } from './project-events.service';

/** `inBBox` counts matching projects up to this many, so a huge box never costs a full count. */
export const MAP_COUNT_CAP = 10_000;

/** Longest free-text search we accept; longer queries are refused rather than truncated. */
const SEARCH_TEXT_MAX = 200;

/** Microsecond-exact created_at, for the keyset cursor. */
const CURSOR_TS_SQL = `to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface ExportedProject {
  id: string;
  title: string;
  summary: string;
  themes: string[];
  stage: string;
  location: LatLng;
  displayLocation: LatLng;
  locationPrecision: string;
  placeName: string | null;
  seekingCollaborators: boolean;
  links: string[];
  createdAt: Date;
  updatedAt: Date;
}

interface ResolvedLocation {
  point: LatLng;
  label: string | null;
}

/**
 * Owns `projects`. Location privacy lives here: the exact point (`location`) is read only for its
 * owner; everyone else gets `display_location`, the point rounded to the owner's chosen precision.
 */
@Injectable()
export class ProjectsService {
  constructor(
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly clinicians: CliniciansService,
    private readonly places: PlacesService,
    private readonly events: ProjectEventsService,
  ) {}

  async register(ownerId: string, input: RegisterProjectInput): Promise<Project> {
    const themes = this.checkThemes(input.themes, 'input.themes');
    const { point, label } = await this.resolveLocation(input.location ?? null, input.placeName ?? null);
    const precision = (input.locationPrecision ?? 'area') as LocationPrecision;
    const inserted = await this.projects.insert({
      ownerId,
      title: input.title,
      summary: input.summary,
      themes,
      stage: input.stage as StageId,
      location: toGeoJsonPoint(point),
      displayLocation: toGeoJsonPoint(roundToPrecision(point, precision)),
      locationPrecision: precision,
      placeName: label,
      seekingCollaborators: input.seekingCollaborators ?? false,
      links: input.links ?? [],
    });
    const id = (inserted.identifiers[0] as { id: string }).id;
    const project = await this.findOne(id, ownerId);
    await this.events.projectPlaced({
      projectId: id,
      ownerId,
      title: project.title,
      themes,
      shownAt: project.location,
      previouslyShownAt: null,
    });
    return project;
  }

  /** Owner only: anyone else gets FORBIDDEN and the row is untouched. */
  async update(viewerId: string, id: string, input: UpdateProjectInput): Promise<Project> {
    const current = await this.findOwnedWithExactPoint(viewerId, id);
    const changes: Partial<ProjectEntity> = {};
    if (input.title != null) changes.title = input.title;
    if (input.summary != null) changes.summary = input.summary;
    if (input.themes != null) changes.themes = this.checkThemes(input.themes, 'input.themes');
    if (input.stage != null) changes.stage = input.stage as StageId;
    if (input.seekingCollaborators != null) changes.seekingCollaborators = input.seekingCollaborators;
    if (input.links != null) changes.links = input.links;

    let point = current.location ? fromGeoJsonPoint(current.location) : null;
    let precision = current.locationPrecision;
    let moved = false;
    if (input.location != null) {
      point = { lat: input.location.lat, lng: input.location.lng };
      moved = true;
      if (input.placeName != null) changes.placeName = input.placeName === '' ? null : input.placeName;
    } else if (input.placeName === '') {
      changes.placeName = null;
    } else if (input.placeName != null) {
      const resolved = await this.resolveLocation(null, input.placeName);
      point = resolved.point;
      changes.placeName = resolved.label;
      moved = true;
    }
    if (input.locationPrecision != null && input.locationPrecision !== precision) {
      precision = input.locationPrecision as LocationPrecision;
      changes.locationPrecision = precision;
      moved = true;
    }
    if (moved && point) {
      changes.location = toGeoJsonPoint(point);
      // The rounded point always follows the exact one and the precision.
      changes.displayLocation = toGeoJsonPoint(roundToPrecision(point, precision));
    }
    if (Object.keys(changes).length) await this.projects.update({ id }, changes);
    const project = await this.findOne(id, viewerId);
    const before = fromGeoJsonPoint(current.displayLocation);
    // A hidden project is announced to no one (alerts).
    if (changes.displayLocation && !current.hiddenAt && (before.lat !== project.location.lat || before.lng !== project.location.lng)) {
      await this.events.projectPlaced({
        projectId: id,
        ownerId: current.ownerId,
        title: project.title,
        themes: project.themes.map((t) => t.id as ThemeId),
        shownAt: project.location,
        previouslyShownAt: before,
      });
    }
    return project;
  }

  /** Owner only: anyone else gets FORBIDDEN and nothing is deleted. */
  async delete(viewerId: string, id: string): Promise<boolean> {
    await this.findOwnedWithExactPoint(viewerId, id);
    const result = await this.projects.delete({ id, ownerId: viewerId });
    return (result.affected ?? 0) > 0;
  }

  /** Public: one project as `viewerId` (null when anonymous) may see it; a hidden one only its owner. */
  async findOne(id: string, viewerId: string | null): Promise<Project> {
    const entity = isUuid(id) ? await this.projects.findOneBy({ id }) : null;
    if (!entity || (entity.hiddenAt && entity.ownerId !== viewerId)) throw notFound('Project', 'id');
    await this.attachExactPoints([entity], viewerId);
    return toProject(entity, viewerId);
  }

  /**
   * Several projects as `viewerId` may see them (for other modules' lists, e.g. peers), in no
   * particular order; unknown ids, and hidden projects not the viewer's, are skipped. Exact points
   * only on the viewer's own. `includeHidden` is for moderators: every project, with `hiddenAt`.
   */
  async findManyByIds(ids: readonly string[], viewerId: string | null, { includeHidden = false } = {}): Promise<Project[]> {
    const valid = [...new Set(ids)].filter(isUuid);
    if (!valid.length) return [];
    const qb = this.projects.createQueryBuilder('p').where('p.id IN (:...ids)', { ids: valid });
    if (!includeHidden) qb.andWhere('(p.hidden_at IS NULL OR p.owner_id = :viewerId)', { viewerId });
    const entities = await qb.getMany();
    await this.attachExactPoints(entities, viewerId);
    return entities.map((e) => (includeHidden ? { ...toProject(e, viewerId), hiddenAt: e.hiddenAt } : toProject(e, viewerId)));
  }

  /** Moderation: hides one project from every public view (the first time is kept); false if unknown. */
  async hide(id: string, manager: EntityManager = this.projects.manager): Promise<boolean> {
    if (!isUuid(id)) return false;
    const [, affected] = (await manager.query(`UPDATE projects SET hidden_at = COALESCE(hidden_at, now()) WHERE id = $1`, [id])) as [
      unknown,
      number,
    ];
    return affected > 0;
  }

  /** Moderation (suspension): hides every project of the owner; returns how many were newly hidden. */
  async hideAllOwnedBy(ownerId: string, manager: EntityManager = this.projects.manager): Promise<number> {
    const [, affected] = (await manager.query(`UPDATE projects SET hidden_at = now() WHERE owner_id = $1 AND hidden_at IS NULL`, [
      ownerId,
    ])) as [unknown, number];
    return affected;
  }

  /**
   * Public: projects whose shown (rounded) point lies in the box, most recently updated first, at
   * most `first` of them; `totalCount` counts matches up to MAP_COUNT_CAP.
   */
  async inBBox(
    bbox: BBox,
    filter: ProjectFilterInput & { updatedSince?: Date | null },
    first: number,
    viewerId: string | null,
  ): Promise<{ nodes: Project[]; totalCount: number }> {
    const qb = this.applyFilter(this.visible(), filter).andWhere(
      'p.display_location && ST_MakeEnvelope(:west, :south, :east, :north, 4326)::geography',
      { ...bbox },
    );
    if (filter.updatedSince) qb.andWhere('p.updated_at >= :since', { since: filter.updatedSince });
    const [countSql, countParams] = qb.clone().select('1').limit(MAP_COUNT_CAP).getQueryAndParameters();
    const [{ n }] = (await this.projects.query(`SELECT count(*)::int AS n FROM (${countSql}) capped`, countParams)) as Array<{ n: number }>;
    const entities = await qb.orderBy('p.updated_at', 'DESC').addOrderBy('p.id', 'DESC').limit(first).getMany();
    await this.attachExactPoints(entities, viewerId);
    return { nodes: entities.map((e) => toProject(e, viewerId)), totalCount: n };
  }

  /** The owner's own projects, newest first, with their exact points. */
  async listMine(ownerId: string): Promise<Project[]> {
    const rows = await this.projects
      .createQueryBuilder('p')
      .addSelect('p.location')
      .where('p.owner_id = :ownerId', { ownerId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .getMany();
    return rows.map((row) => toProject(row, ownerId));
  }

  /** Public, paginated newest first with a keyset cursor on (created_at, id). */
  async list(filter: ProjectFilterInput | null, first: number | null, after: string | null, viewerId: string | null): Promise<ProjectConnection> {
    const size = first ?? LIMITS.page.defaultSize;
    if (!Number.isInteger(size) || size < 0 || size > LIMITS.page.maxSize) {
      throw badInput('first', `first must be between 0 and ${LIMITS.page.maxSize}.`);
    }
    const cursor = after ? decodeProjectCursor(after) : null;
    if (after && !cursor) throw badInput('after', 'after is not a cursor from this list.');

    const filtered = this.applyFilter(this.visible(), filter ?? {});
    const totalCount = await filtered.clone().getCount();
    const page = filtered.clone().addSelect(CURSOR_TS_SQL, 'cursor_ts');
    if (cursor) {
      page.andWhere('(p.created_at, p.id) < (CAST(:afterTs AS timestamptz), CAST(:afterId AS uuid))', {
        afterTs: cursor.createdAt,
        afterId: cursor.id,
      });
    }
    const { entities, raw } = await page
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(size + 1)
      .getRawAndEntities<{ p_id: string; cursor_ts: string }>();
    const nodes = entities.slice(0, size);
    const last = nodes[nodes.length - 1];
    const lastTs = last ? raw.find((r) => r.p_id === last.id)?.cursor_ts : undefined;
    await this.attachExactPoints(nodes, viewerId);
    return {
      nodes: nodes.map((n) => toProject(n, viewerId)),
      totalCount,
      pageInfo: {
        hasNextPage: entities.length > size,
        endCursor: last && lastTs ? encodeProjectCursor({ createdAt: lastTs, id: last.id }) : null,
      },
    };
  }

  /** For account deletion, inside the caller's transaction. */
  async deleteAllOwnedBy(ownerId: string, manager: EntityManager = this.projects.manager): Promise<void> {
    await manager.getRepository(ProjectEntity).delete({ ownerId });
  }

  /** For the owner's data export: everything, including the exact points. */
  async exportOwnedBy(ownerId: string): Promise<ExportedProject[]> {
    const rows = await this.projects
      .createQueryBuilder('p')
      .addSelect('p.location')
      .where('p.owner_id = :ownerId', { ownerId })
      .orderBy('p.created_at', 'DESC')
      .getMany();
    return rows.map((p) => ({
      id: p.id,
      title: p.title,
      summary: p.summary,
      themes: p.themes,
      stage: p.stage,
      location: fromGeoJsonPoint(p.location as GeoJsonPoint),
      displayLocation: fromGeoJsonPoint(p.displayLocation),
      locationPrecision: p.locationPrecision,
      placeName: p.placeName,
      seekingCollaborators: p.seekingCollaborators,
      links: p.links,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    }));
  }

  /** Projects everyone may see: not hidden by a moderator (a suspended owner's are hidden too). */
  private visible(): SelectQueryBuilder<ProjectEntity> {
    return this.projects.createQueryBuilder('p').where('p.hidden_at IS NULL');
  }

  private applyFilter(qb: SelectQueryBuilder<ProjectEntity>, filter: ProjectFilterInput): SelectQueryBuilder<ProjectEntity> {
    if (filter.themes?.length) {
      const themes = this.checkThemes(filter.themes, 'filter.themes', false);
      qb.andWhere('p.themes && CAST(:themes AS text[])', { themes });
    }
    if (filter.stage != null) {
      if (!isStageId(filter.stage)) throw badInput('filter.stage', `stage must be one of: ${STAGE_IDS.join(', ')}`);
      qb.andWhere('p.stage = :stage', { stage: filter.stage });
    }
    if (filter.profession != null) {
      if (!isProfessionId(filter.profession)) {
        throw badInput('filter.profession', `profession must be one of: ${PROFESSION_IDS.join(', ')}`);
      }
      const owners = this.clinicians.idsWithProfessionQuery(filter.profession);
      qb.andWhere(`p.owner_id IN (${owners.sql})`, owners.params);
    }
    const text = filter.text?.trim();
    if (text) {
      if (text.length > SEARCH_TEXT_MAX) throw badInput('filter.text', `text must be at most ${SEARCH_TEXT_MAX} characters.`);
      qb.andWhere(`p.search @@ websearch_to_tsquery('english', :text)`, { text });
    }
    if (filter.seekingCollaborators != null) {
      qb.andWhere('p.seeking_collaborators = :seeking', { seeking: filter.seekingCollaborators });
    }
    if (filter.ownerId != null) {
      if (!isUuid(filter.ownerId)) throw badInput('filter.ownerId', 'ownerId must be a user id.');
      qb.andWhere('p.owner_id = :ownerId', { ownerId: filter.ownerId });
    }
    return qb;
  }

  /** Theme ids must come from the taxonomy; `limitCount` applies the 1..5 rule (not for filters). */
  private checkThemes(themes: readonly string[], field: string, limitCount = true): ThemeId[] {
    const unknown = themes.filter((t) => !isThemeId(t));
    if (unknown.length) {
      throw apiError(ERROR_CODES.unknownTheme, `Unknown theme: ${unknown.map((t) => JSON.stringify(t)).join(', ')}.`, field);
    }
    if (limitCount && (themes.length < LIMITS.project.themes.min || themes.length > LIMITS.project.themes.max)) {
      throw badInput(field, `themes must list ${LIMITS.project.themes.min} to ${LIMITS.project.themes.max} themes`);
    }
    return [...new Set(themes)] as ThemeId[];
  }

  /** A given point wins (the name is only its label); otherwise the gazetteer resolves the name. */
  private async resolveLocation(point: LatLng | null, placeName: string | null): Promise<ResolvedLocation> {
    if (point) return { point: { lat: point.lat, lng: point.lng }, label: placeName || null };
    if (placeName) {
      const place = await this.places.resolve(placeName);
      if (!place) {
        throw apiError(ERROR_CODES.unknownPlace, `We could not find a UK place called "${placeName}".`, 'input.placeName');
      }
      return { point: { lat: place.lat, lng: place.lng }, label: place.name };
    }
    throw badInput('input.location', 'Give a location (a point) or a place name.');
  }

  /** Loads a project for its owner (with the exact point); NOT_FOUND or FORBIDDEN otherwise. */
  private async findOwnedWithExactPoint(viewerId: string, id: string): Promise<ProjectEntity> {
    const entity = isUuid(id)
      ? await this.projects.createQueryBuilder('p').addSelect('p.location').where('p.id = :id', { id }).getOne()
      : null;
    if (!entity) throw notFound('Project', 'id');
    if (entity.ownerId !== viewerId) throw forbidden('Only the project’s owner can change it.');
    return entity;
  }

  /** Adds the exact point to the viewer's own rows only; other rows never have it loaded. */
  private async attachExactPoints(entities: ProjectEntity[], viewerId: string | null): Promise<void> {
    if (!viewerId) return;
    const mine = entities.filter((e) => e.ownerId === viewerId);
    if (!mine.length) return;
    const rows = await this.projects
      .createQueryBuilder('p')
      .select('p.id')
      .addSelect('p.location')
      .where('p.owner_id = :viewerId', { viewerId })
      .andWhere('p.id IN (:...ids)', { ids: mine.map((e) => e.id) })
      .getMany();
    const exact = new Map(rows.map((r) => [r.id, r.location]));
    for (const entity of mine) entity.location = exact.get(entity.id);
  }
}
