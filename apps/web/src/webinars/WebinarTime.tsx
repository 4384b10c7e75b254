import type { WebinarSummary } from '@kindred/api-client';
import { browserTimeZone, formatTimeRange, organiserDateTime, organiserTime } from './webinar-time.util';

interface WebinarTimeProps {
  webinar: Pick<WebinarSummary, 'startsAt' | 'endsAt' | 'timeZone' | 'localStartsAt' | 'timeZoneAbbreviation'>;
  /** The viewer's IANA zone; the browser's by default. */
  viewerZone?: string;
}

/**
 * When a WHAMinar happens, in the viewer's own zone, with the organiser's wall time and zone on a
 * visible second line (a title attribute alone never reaches keyboard or touch users).
 */
export function WebinarTime({ webinar, viewerZone = browserTimeZone() }: WebinarTimeProps) {
  const sameZone = viewerZone === webinar.timeZone;
  return (
    <p className="webinar-time">
      <time className="webinar-time__when" dateTime={webinar.startsAt} title={`Organiser’s time: ${organiserDateTime(webinar)}`}>
        {formatTimeRange(webinar.startsAt, webinar.endsAt, viewerZone)}
      </time>
      <span className="webinar-time__zones">
        {sameZone ? `${webinar.timeZone} time, as the organiser set it` : `Your time (${viewerZone}). Organiser’s time: ${organiserTime(webinar)}`}
      </span>
    </p>
  );
}
