import { divIcon } from 'leaflet';
import { Marker, Popup } from 'react-leaflet';
import { Link } from 'react-router';
import type { MapWebinar } from '@kindred/api-client';
import { mapWebinarWhen } from './map-webinar.util';

// A square "event" marker, unlike the round project pins, so the two never look alike.
const WEBINAR_SVG = `<svg viewBox="0 0 30 30" width="30" height="30" aria-hidden="true" focusable="false">
  <rect x="1" y="1" width="28" height="28" rx="6" fill="#3e2f73" stroke="#ffffff" stroke-width="2"/>
  <rect x="7" y="10" width="16" height="12" rx="1.5" fill="#ffffff"/>
  <rect x="7" y="7" width="16" height="4" fill="#ece8f6"/>
</svg>`;

const webinarIcon = divIcon({ className: 'map-webinar-pin', html: WEBINAR_SVG, iconSize: [30, 30], iconAnchor: [15, 15] });

/** WHAMinars tied to a place, on the map (the optional layer); each opens a popup linking to its page. */
export function WebinarMarkers({ webinars }: { webinars: readonly MapWebinar[] }) {
  return (
    <>
      {webinars.map((w) =>
        w.regionFocus?.point ? (
          <Marker key={w.id} position={[w.regionFocus.point.lat, w.regionFocus.point.lng]} icon={webinarIcon} title={`WHAMinar: ${w.title}`} keyboard>
            <Popup>
              <p className="map-webinar-popup__title">
                <Link to={`/webinars/${w.id}`}>{w.title}</Link>
              </p>
              <p className="map-webinar-popup__when">{mapWebinarWhen(w)}</p>
            </Popup>
          </Marker>
        ) : null,
      )}
    </>
  );
}
