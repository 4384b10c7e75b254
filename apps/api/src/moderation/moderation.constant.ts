/** A report is `open` until a moderator resolves it: `actioned` (hidden or suspended) or `dismissed`. */
export const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What a moderator may do with an open report. */
export const MODERATION_ACTIONS = ['dismiss', 'hide', 'suspend'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** A moderator's note on a resolution, like a report's details. */
export const RESOLUTION_NOTE_MAX = 1000;

/** The status a report (and every other open report on the same content) takes after `action`. */
export function statusAfter(action: ModerationAction): Exclude<ReportStatus, 'open'> {
  return action === 'dismiss' ? 'dismissed' : 'actioned';
}
