import type { ThemeId } from '@kindred/domain';
import type { Point, PointInput, Theme } from './project.types';

/** The four UK nations a region alert may cover, as the API spells them. */
export const UK_NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'] as const;
export type UkNation = (typeof UK_NATIONS)[number];

/** Limits the API applies to alerts (mirrors apps/api/src/alerts/alert-limits.constant.ts). */
export const ALERT_LIMITS = {
  perUser: 20,
  name: { min: 1, max: 80 },
  radiusKm: { min: 1, max: 200 },
  themes: { max: 5 },
  placeName: { max: 120 },
} as const;

/** A saved area: a circle (centre, radius, place name) or a whole nation (region). Only ever mine. */
export interface Alert {
  readonly __typename?: 'Alert';
  readonly id: string;
  readonly name: string;
  /** Null for a region alert. */
  readonly centre: Point | null;
  readonly radiusKm: number | null;
  readonly placeName: string | null;
  /** Null for a centre-and-radius alert. */
  readonly region: UkNation | null;
  /** Empty: any theme. */
  readonly themes: readonly Theme[];
  readonly emailDigest: boolean;
  /** ISO 8601 date-time. */
  readonly createdAt: string;
  /** ISO 8601 date-time. */
  readonly updatedAt: string;
}

/** A centre or place with a radius, or else a region. */
export interface CreateAlertInput {
  name: string;
  centre?: PointInput | null;
  placeName?: string | null;
  radiusKm?: number | null;
  region?: UkNation | null;
  themes?: ThemeId[];
  emailDigest?: boolean;
}

/** Every field optional; a new centre, place or region replaces the area; radiusKm alone resizes it. */
export type UpdateAlertInput = Partial<CreateAlertInput>;
