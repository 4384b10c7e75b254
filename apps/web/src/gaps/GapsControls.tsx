import { useId } from 'react';
import type { Indicator } from '@kindred/api-client';
import './gaps.css';

export interface GapsControlsProps {
  /** Whether the need layer is shown. */
  shown: boolean;
  onShownChange: (shown: boolean) => void;
  /** From useIndicators. */
  indicators: ReadonlyArray<Pick<Indicator, 'id' | 'name'>>;
  /** The chosen indicator; null picks none (the select shows the first). */
  indicatorId: string | null;
  onIndicatorChange: (id: string) => void;
  /** While the indicators or the layer load. */
  busy?: boolean;
}

/** The "Show need (gaps)" switch and the choice of indicator. */
export function GapsControls({ shown, onShownChange, indicators, indicatorId, onIndicatorChange, busy = false }: GapsControlsProps) {
  const id = useId();
  const none = indicators.length === 0;
  return (
    <fieldset className="gaps-controls" aria-busy={busy || undefined}>
      <legend className="visually-hidden">Need layer</legend>
      <div className="choice">
        <input
          id={`${id}-show`}
          type="checkbox"
          className="choice__input"
          checked={shown}
          disabled={none}
          onChange={(e) => onShownChange(e.target.checked)}
        />
        <label className="choice__label" htmlFor={`${id}-show`}>
          Show need (gaps)
        </label>
      </div>
      {none ? (
        <p className="gaps-controls__empty">{busy ? 'Loading need indicators…' : 'No need indicators have been imported yet.'}</p>
      ) : (
        <div className="field gaps-controls__indicator">
          <label className="field__label" htmlFor={`${id}-indicator`}>
            Need indicator
          </label>
          <select
            id={`${id}-indicator`}
            className="input input--select"
            value={indicatorId ?? indicators[0]?.id ?? ''}
            disabled={!shown}
            onChange={(e) => onIndicatorChange(e.target.value)}
          >
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
