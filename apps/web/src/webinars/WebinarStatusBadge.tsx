import type { WebinarSummary } from '@kindred/api-client';
import { statusBadge } from './webinar-labels.util';

export function WebinarStatusBadge({ webinar }: { webinar: Pick<WebinarSummary, 'status' | 'isLive' | 'isPast'> }) {
  const badge = statusBadge(webinar);
  if (!badge) return null;
  return <span className={`badge webinar-badge webinar-badge--${badge.tone}`}>{badge.label}</span>;
}
