import { previewZones, zonePreview } from './webinar-time.util';

interface ZonePreviewProps {
  id: string;
  date: string;
  time: string;
  zone: string;
  viewerZone: string;
}

/** The start as entered and as it falls in two other zones, worked out with each zone's rules for that date. */
export function ZonePreview({ id, date, time, zone, viewerZone }: ZonePreviewProps) {
  const preview = zonePreview(date, time, zone, previewZones(zone, viewerZone));
  return (
    <div id={id} className="webinar-zone-preview" aria-live="polite">
      <p className="webinar-zone-preview__title">Elsewhere, that is:</p>
      {preview.kind === 'incomplete' ? (
        <p className="muted">Enter a date and time to see it in other time zones.</p>
      ) : preview.kind === 'invalid' ? (
        <p className="webinar-zone-preview__problem">{preview.message}</p>
      ) : (
        <ul className="webinar-zone-preview__list">
          {preview.others.map((o) => (
            <li key={o.zone}>
              <span className="webinar-zone-preview__zone">{o.zone}:</span> {o.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
