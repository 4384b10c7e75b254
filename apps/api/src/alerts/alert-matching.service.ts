import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { roundDistanceKm, LatLng } from '@kindred/geo';
import { NewNotification, NotificationsService } from '../notifications/notifications.service';
import { PlacesService } from '../places/places.service';
import { ProjectEventsService, ProjectPlacedEvent } from '../projects/project-events.service';
import { alertMatchMessage, nationFromNearestPlace } from './alert-area.util';
import { ALERT_LIMITS, UkNation } from './alert-limits.constant';
import { AlertEntity } from './alert.entity';

export const ALERT_MATCH_TYPE = 'alert-match';

/** A matched project is described as near the largest town within this distance of its shown point. */
const NEAR_KM = 10;

/** The largest radius any alert may have, in metres: a constant ST_DWithin the GiST index can serve. */
const MAX_RADIUS_M = ALERT_LIMITS.radiusKm.max * 1000;

/** What `payload` holds on an "alert-match" notification. */
export interface AlertMatchPayload {
  alertId: string;
  alertName: string;
  projectId: string;
  projectTitle: string;
  near: string | null;
  /** Rounded, from the alert's centre to the project's shown point; null for a region alert. */
  distanceKm: number | null;
  region: UkNation | null;
  reason: 'registered' | 'moved';
}

interface MatchRow {
  id: string;
  user_id: string;
  name: string;
  email_digest: boolean;
  region: UkNation | null;
  distance_m: number | null;
}

const point = (lng: string, lat: string) => `ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)::geography`;

/**
 * Tells alert owners about projects placed in their areas. Runs after a project is registered or
 * moved (ProjectEventsService), on the project's SHOWN point only, never the exact one:
 *
 * - a circle alert matches when the shown point is within its radius of the centre (first tested
 *   against the largest radius allowed, so the GiST index on `alerts.centre` picks the few
 *   candidates, then against each alert's own radius);
 * - a region alert matches when the shown point's nation (nearest gazetteer town) is the region;
 * - its themes must overlap the project's, or be empty (any theme);
 * - never for the project's own owner; and for a move, only alerts the old shown point was outside.
 *
 * Each (alert, project) pair notifies at most once (the notification's dedupe key), so a project
 * that leaves an area and comes back, or a retried registration, is not announced twice.
 */
@Injectable()
export class AlertMatchingService implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    @InjectRepository(AlertEntity) private readonly alerts: Repository<AlertEntity>,
    private readonly places: PlacesService,
    private readonly notifications: NotificationsService,
    private readonly projectEvents: ProjectEventsService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.projectEvents.onProjectPlaced(async (event) => {
      await this.notifyMatches(event);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Creates the notifications for one placed project; returns how many were new. */
  async notifyMatches(event: ProjectPlacedEvent): Promise<number> {
    const matches = await this.findMatches(event);
    if (!matches.length) return 0;
    const near = this.places.largestNear(event.shownAt.lat, event.shownAt.lng, NEAR_KM)?.name ?? null;
    const moved = event.previouslyShownAt !== null;
    const list: NewNotification[] = matches.map((m) => {
      const distanceKm = m.distance_m === null ? null : m.distance_m / 1000;
      const payload: AlertMatchPayload = {
        alertId: m.id,
        alertName: m.name,
        projectId: event.projectId,
        projectTitle: event.title,
        near,
        distanceKm: distanceKm === null ? null : roundDistanceKm(distanceKm),
        region: m.region,
        reason: moved ? 'moved' : 'registered',
      };
      return {
        userId: m.user_id,
        type: ALERT_MATCH_TYPE,
        message: alertMatchMessage({ alertName: m.name, projectTitle: event.title, near, distanceKm, region: m.region, moved }),
        link: `/projects/${event.projectId}`,
        payload: { ...payload },
        dedupeKey: `${ALERT_MATCH_TYPE}:${m.id}:${event.projectId}`,
        emailDigest: m.email_digest,
      };
    });
    return this.notifications.notify(list);
  }

  private async findMatches(event: ProjectPlacedEvent): Promise<MatchRow[]> {
    const themes = [...event.themes];
    const shown = point('$1', '$2');
    const params: unknown[] = [event.shownAt.lng, event.shownAt.lat, event.ownerId, themes];
    let leftOldArea = '';
    if (event.previouslyShownAt) {
      params.push(event.previouslyShownAt.lng, event.previouslyShownAt.lat);
      leftOldArea = `AND NOT ST_DWithin(a.centre, ${point('$5', '$6')}, a.radius_km * 1000)`;
    }
    const circles: MatchRow[] = await this.alerts.query(
      `SELECT a.id, a.user_id, a.name, a.email_digest, NULL::text AS region, ST_Distance(a.centre, ${shown}) AS distance_m
         FROM alerts a
        WHERE ST_DWithin(a.centre, ${shown}, ${MAX_RADIUS_M})
          AND ST_DWithin(a.centre, ${shown}, a.radius_km * 1000)
          AND a.user_id <> $3
          AND (cardinality(a.themes) = 0 OR a.themes && $4::text[])
          ${leftOldArea}`,
      params,
    );

    const nation = this.nationAt(event.shownAt);
    const before = event.previouslyShownAt ? this.nationAt(event.previouslyShownAt) : null;
    if (!nation || nation === before) return circles;
    const regions: MatchRow[] = await this.alerts.query(
      `SELECT a.id, a.user_id, a.name, a.email_digest, a.region, NULL::float8 AS distance_m
         FROM alerts a
        WHERE a.region = $1
          AND a.user_id <> $2
          AND (cardinality(a.themes) = 0 OR a.themes && $3::text[])`,
      [nation, event.ownerId, themes],
    );
    return [...circles, ...regions];
  }

  private nationAt(at: LatLng): UkNation | null {
    return nationFromNearestPlace(at, this.places.largestNear(at.lat, at.lng, 0));
  }
}
