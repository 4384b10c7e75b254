import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Point as GeoJsonPoint } from 'geojson';
import { ERROR_CODES, isThemeId, ThemeId } from '@kindred/domain';
import type { LatLng } from '@kindred/geo';
import { isUuid } from '../clinicians/clinicians.service';
import { apiError, forbidden, notFound } from '../common/graphql-errors.util';
import { PlacesService } from '../places/places.service';
import { fromGeoJsonPoint, toGeoJsonPoint, toThemes } from '../projects/project-models.util';
import { AlertArea, AreaGazetteer, areaFromInput, AreaInput } from './alert-area.util';
import { ALERT_LIMITS } from './alert-limits.constant';
import { AlertEntity } from './alert.entity';
import type { CreateAlertInput } from './dto/create-alert.input';
import type { UpdateAlertInput } from './dto/update-alert.input';
import type { Alert } from './models/alert.model';

/** A bare point is named after the largest town within this distance (else the nearest one). */
export const NAME_NEAR_KM = 10;

export function toAlert(entity: AlertEntity): Alert {
  return {
    id: entity.id,
    name: entity.name,
    centre: entity.centre ? fromGeoJsonPoint(entity.centre) : null,
    radiusKm: entity.radiusKm,
    region: entity.region,
    placeName: entity.placeName,
    themes: toThemes(entity.themes),
    emailDigest: entity.emailDigest,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function areaOf(entity: AlertEntity): AlertArea {
  if (entity.region) return { kind: 'region', region: entity.region };
  return {
    kind: 'circle',
    centre: fromGeoJsonPoint(entity.centre as GeoJsonPoint),
    radiusKm: entity.radiusKm ?? ALERT_LIMITS.radiusKm.max,
    placeName: entity.placeName,
  };
}

function areaColumns(area: AlertArea): Pick<AlertEntity, 'centre' | 'radiusKm' | 'region' | 'placeName'> {
  return area.kind === 'region'
    ? { centre: null, radiusKm: null, region: area.region, placeName: null }
    : { centre: toGeoJsonPoint(area.centre), radiusKm: area.radiusKm, region: null, placeName: area.placeName };
}

/**
 * Owns `alerts`: each user's saved areas (at most ALERT_LIMITS.perUser). Only the owner ever reads
 * or changes an alert; everyone else gets FORBIDDEN and nothing changes. Every input is checked
 * in full before anything is written. Matching new projects against alerts is AlertMatchingService.
 */
@Injectable()
export class AlertsService {
  private readonly gazetteer: AreaGazetteer;

  constructor(
    @InjectRepository(AlertEntity) private readonly alerts: Repository<AlertEntity>,
    places: PlacesService,
  ) {
    this.gazetteer = {
      resolve: (name) => places.resolve(name),
      nameNear: (point: LatLng) => places.largestNear(point.lat, point.lng, NAME_NEAR_KM)?.name ?? null,
    };
  }

  /** The user's alerts, newest first. */
  async listMine(userId: string): Promise<Alert[]> {
    const rows = await this.alerts.find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map(toAlert);
  }

  async create(userId: string, input: CreateAlertInput): Promise<Alert> {
    const themes = checkThemes(input.themes ?? []);
    const area = this.area(input, null);
    if (!area) throw apiError(ERROR_CODES.badUserInput, 'Choose a place (or a point) and a radius, or a region.', 'input.centre');
    const id = await this.alerts.manager.transaction(async (manager) => {
      // Serialise one user's creates, so two at once cannot both pass the count.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kindred.alerts'), hashtext($1))`, [userId]);
      const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM alerts WHERE user_id = $1`, [userId])) as Array<{ n: number }>;
      if (n >= ALERT_LIMITS.perUser) {
        throw apiError(
          ERROR_CODES.badUserInput,
          `You can keep at most ${ALERT_LIMITS.perUser} alerts. Delete one to save another.`,
          undefined,
          { limit: ALERT_LIMITS.perUser },
        );
      }
      const inserted = await manager.getRepository(AlertEntity).insert({
        userId,
        name: input.name,
        themes,
        emailDigest: input.emailDigest ?? false,
        ...areaColumns(area),
      });
      return (inserted.identifiers[0] as { id: string }).id;
    });
    return toAlert(await this.alerts.findOneByOrFail({ id }));
  }

  /** Owner only. */
  async update(userId: string, id: string, input: UpdateAlertInput): Promise<Alert> {
    const current = await this.findOwned(userId, id);
    const changes: Partial<AlertEntity> = {};
    if (input.name != null) changes.name = input.name;
    if (input.themes != null) changes.themes = checkThemes(input.themes);
    if (input.emailDigest != null) changes.emailDigest = input.emailDigest;
    const area = this.area(input, areaOf(current));
    if (area) Object.assign(changes, areaColumns(area));
    if (Object.keys(changes).length) await this.alerts.update({ id, userId }, changes);
    return toAlert(await this.alerts.findOneByOrFail({ id }));
  }

  /** Owner only. Notifications the alert already produced stay in the owner's inbox. */
  async delete(userId: string, id: string): Promise<boolean> {
    await this.findOwned(userId, id);
    const result = await this.alerts.delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }

  private area(input: AreaInput, current: AlertArea | null): AlertArea | null {
    const result = areaFromInput(input, current, this.gazetteer);
    if (result.problem) throw apiError(result.problem.code, result.problem.message, result.problem.field);
    return result.area;
  }

  private async findOwned(userId: string, id: string): Promise<AlertEntity> {
    const entity = isUuid(id) ? await this.alerts.findOneBy({ id }) : null;
    if (!entity) throw notFound('Alert', 'id');
    if (entity.userId !== userId) throw forbidden('Only the alert’s owner can see or change it.');
    return entity;
  }
}

/** Theme ids must come from the taxonomy (0 to 5, repeats refused by the input rules). */
function checkThemes(themes: readonly string[]): ThemeId[] {
  const unknown = themes.filter((t) => !isThemeId(t));
  if (unknown.length) {
    throw apiError(ERROR_CODES.unknownTheme, `Unknown theme: ${unknown.map((t) => JSON.stringify(t)).join(', ')}.`, 'input.themes');
  }
  return [...themes] as ThemeId[];
}
