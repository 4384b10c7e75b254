import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { PLACES, type Place } from '@kindred/api-client';
import { LIMITS } from '@kindred/domain';
import { fieldNoteIds } from '../forms/field-ids.util';
import { FieldNotes } from '../forms/FieldNotes';
import { useDebouncedValue } from './useDebouncedValue';

export const PLACE_SEARCH_DELAY_MS = 300;
const MIN_QUERY = 2;
const RESULT_LIMIT = 8;

interface PlaceSearchProps {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** A gazetteer result was chosen: move the pin there. */
  onChoose: (place: Place) => void;
  hint?: string;
  error?: string;
}

export function describePlace(place: Place): string {
  return place.region ? `${place.name}, ${place.region}` : place.name;
}

/**
 * The place name field doubles as a search of the UK gazetteer (`places(query)`, debounced):
 * an ARIA 1.2 combobox whose options move the pin and fill in the name.
 */
export function PlaceSearch({ id, label, value, onChange, onChoose, hint, error }: PlaceSearchProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebouncedValue(value.trim(), PLACE_SEARCH_DELAY_MS);
  const searching = open && query.length >= MIN_QUERY;
  const { data, loading, error: searchError } = useQuery(PLACES, {
    variables: { query: query.slice(0, LIMITS.placeSearch.queryMax), limit: RESULT_LIMIT },
    skip: !searching,
  });
  const places = searching && query === value.trim() ? (data?.places ?? []) : [];
  const expanded = open && places.length > 0;
  const { hintId, errorId, describedBy } = fieldNoteIds(id, hint, error);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = (place: Place) => {
    onChoose(place);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      if (places.length) setActive((i) => (i + 1) % places.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (places.length) setActive((i) => (i <= 0 ? places.length - 1 : i - 1));
    } else if (event.key === 'Enter' && expanded && active >= 0 && places[active]) {
      event.preventDefault();
      choose(places[active]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  let status = '';
  if (searching && query === value.trim()) {
    if (loading) status = 'Searching places…';
    else if (searchError) status = 'Place search is not available just now. You can still drop a pin on the map.';
    else if (data && places.length === 0) status = `No UK places match “${query}”. Try another spelling, or drop a pin.`;
    else if (places.length > 0) status = `${places.length} ${places.length === 1 ? 'place' : 'places'} found. Use the up and down arrows to choose.`;
  }

  return (
    <div className={`field combobox${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
      <div className="combobox__wrap">
        <input
          id={id}
          type="text"
          className="input"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label="Matching towns and cities" className="combobox__list" hidden={!expanded}>
          {expanded
            ? places.map((place, index) => (
                <li
                  key={place.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={`combobox__option${index === active ? ' combobox__option--active' : ''}`}
                  // mousedown, not click: keep focus in the input (blur would close the list first).
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(place);
                  }}
                >
                  {describePlace(place)}
                </li>
              ))
            : null}
        </ul>
      </div>
      <p className="combobox__status" role="status">
        {status}
      </p>
    </div>
  );
}
