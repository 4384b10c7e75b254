import type { Point as GeoJsonPoint } from 'geojson';
import { themeById } from '@kindred/domain';
import type { LatLng } from '@kindred/geo';
import type { Point } from './models/point.model';
import type { Project } from './models/project.model';
import type { Theme } from './models/theme.model';
import type { ProjectEntity } from './project.entity';

export function toGeoJsonPoint(point: LatLng): GeoJsonPoint {
  return { type: 'Point', coordinates: [point.lng, point.lat] };
}

export function fromGeoJsonPoint(point: GeoJsonPoint): Point {
  const [lng, lat] = point.coordinates;
  return { lat: lat ?? 0, lng: lng ?? 0 };
}

export function toThemes(ids: readonly string[]): Theme[] {
  return ids.flatMap((id) => {
    const theme = themeById(id);
    return theme ? [{ id: theme.id, label: theme.label, group: theme.group }] : [];
  });
}

/**
 * The GraphQL view of a project for one viewer. `location` is always the rounded display point;
 * the exact point goes out only to the owner, and only if it was loaded at all.
 */
export function toProject(entity: ProjectEntity, viewerId: string | null): Project {
  const isMine = viewerId !== null && entity.ownerId === viewerId;
  return {
    id: entity.id,
    title: entity.title,
    summary: entity.summary,
    themes: toThemes(entity.themes),
    stage: entity.stage,
    location: fromGeoJsonPoint(entity.displayLocation),
    exactLocation: isMine && entity.location ? fromGeoJsonPoint(entity.location) : null,
    locationPrecision: entity.locationPrecision,
    placeName: entity.placeName,
    seekingCollaborators: entity.seekingCollaborators,
    links: entity.links,
    ownerId: entity.ownerId,
    isMine,
    hiddenAt: isMine ? (entity.hiddenAt ?? null) : null,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
