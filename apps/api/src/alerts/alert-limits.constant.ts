/**
 * Limits on saved alerts. The web form mirrors them (apps/web/src/alerts/alert-form.util.ts);
 * they belong in `LIMITS` in @kindred/domain once that library takes them.
 */
export const ALERT_LIMITS = {
  perUser: 20,
  name: { min: 1, max: 80 },
  radiusKm: { min: 1, max: 200 },
  themes: { max: 5 },
  placeName: { max: 120 },
} as const;

/** The regions an alert may cover: the four UK nations, as the gazetteer names them. */
export const UK_NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'] as const;
export type UkNation = (typeof UK_NATIONS)[number];

export function isUkNation(value: unknown): value is UkNation {
  return typeof value === 'string' && (UK_NATIONS as readonly string[]).includes(value);
}
