import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PeerMatch } from '@kindred/api-client';
import { professionLabel } from '@kindred/domain';
import { nextListIndex, scrollRowIntoList } from './peer-list.util';

interface PeerListProps {
  matches: readonly PeerMatch[];
  /** The selected peer's project id (selection is shared with the map). */
  selectedId: string | null;
  onSelect: (match: PeerMatch) => void;
  /** Enter, or a click: show the project card. */
  onOpen: (match: PeerMatch) => void;
  label: string;
}

export const peerOptionId = (projectId: string) => `peer-option-${projectId}`;

/**
 * Peers as a single-select listbox: the list is one tab stop; the arrow keys (and Home/End) move
 * the selection, which the map highlights; Enter opens the project card. A marker chosen on the
 * map selects its row here and scrolls it into view.
 */
export function PeerList({ matches, selectedId, onSelect, onOpen, label }: PeerListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const index = matches.findIndex((m) => m.project.id === selectedId);

  useEffect(() => {
    const list = listRef.current;
    const row = selectedId ? document.getElementById(peerOptionId(selectedId)) : null;
    if (list && row) scrollRowIntoList(list, row);
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      const match = matches[index];
      if (!match) return;
      event.preventDefault();
      onOpen(match);
      return;
    }
    const next = nextListIndex(index, event.key, matches.length);
    if (next === null) return;
    event.preventDefault();
    const match = matches[next];
    if (match) onSelect(match);
  };

  return (
    <ul
      ref={listRef}
      className="peer-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={index >= 0 ? peerOptionId(selectedId ?? '') : undefined}
      onKeyDown={onKeyDown}
    >
      {matches.map((match) => {
        const selected = match.project.id === selectedId;
        return (
          <li
            key={match.project.id}
            id={peerOptionId(match.project.id)}
            role="option"
            aria-selected={selected}
            className={`peer-list__row${selected ? ' peer-list__row--selected' : ''}`}
            onClick={() => {
              onSelect(match);
              onOpen(match);
            }}
          >
            {/* Separators for screen readers, which read an option as one line. */}
            <span className="peer-list__name">{match.clinician.displayName}</span>
            <span className="peer-list__profession">
              <span className="visually-hidden">, </span>
              {professionLabel(match.clinician.profession, match.clinician.specialty)}
            </span>
            <span className="peer-list__reason">
              <span className="visually-hidden">. </span>
              {match.reason}
            </span>
            <span className="peer-list__project">
              <span className="visually-hidden">. Project: </span>
              {match.project.title}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
