import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { PeerMatch } from '@kindred/api-client';
import { peerFixture } from '../testing/map-fixtures';
import { PeerList } from './PeerList';
import { nextListIndex } from './peer-list.util';

const peers = [peerFixture(1), peerFixture(2), peerFixture(3)];

/** The list as the map page holds it: selection in shared state, which the map also sets. */
function Harness({ onOpen = jest.fn() }: { onOpen?: (m: PeerMatch) => void }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <>
      {/* Stands in for clicking a marker on the map. */}
      <button type="button" onClick={() => setSelectedId('peer-project-3')}>
        Marker 3
      </button>
      <p data-testid="highlighted">{selectedId ?? 'none'}</p>
      <PeerList matches={peers} selectedId={selectedId} onSelect={(m) => setSelectedId(m.project.id)} onOpen={onOpen} label="Peers within 50 km" />
    </>
  );
}

const selectedNames = () =>
  screen
    .getAllByRole('option')
    .filter((o) => o.getAttribute('aria-selected') === 'true')
    .map((o) => o.querySelector('.peer-list__name')?.textContent);

describe('PeerList', () => {
  it('is one tab stop, a labelled listbox whose options read as sentences', () => {
    render(<Harness />);
    const list = screen.getByRole('listbox', { name: 'Peers within 50 km' });
    expect(list.tabIndex).toBe(0);
    expect(screen.getAllByRole('option')).toHaveLength(3);
    expect(screen.getAllByRole('option')[0]?.textContent).toBe(
      'Peer Person 1, Health visitor. 2 shared themes: housing, welfare and income advice; about 6 km. Project: Peer project 1',
    );
    expect(selectedNames()).toEqual([]);
  });

  it('moves the selection with the arrow keys, Home and End, and highlights it on the map', () => {
    render(<Harness />);
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(selectedNames()).toEqual(['Peer Person 1']);
    expect(list.getAttribute('aria-activedescendant')).toBe('peer-option-peer-project-1');
    expect(screen.getByTestId('highlighted').textContent).toBe('peer-project-1');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(selectedNames()).toEqual(['Peer Person 3']);
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(selectedNames()).toEqual(['Peer Person 2']);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(selectedNames()).toEqual(['Peer Person 1']);
    fireEvent.keyDown(list, { key: 'End' });
    expect(screen.getByTestId('highlighted').textContent).toBe('peer-project-3');
  });

  it('opens the selected peer’s project card with Enter, or with a click', () => {
    const onOpen = jest.fn();
    render(<Harness onOpen={onOpen} />);
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onOpen).not.toHaveBeenCalled();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(peers[0]);
    fireEvent.click(screen.getByText('Peer Person 2'));
    expect(onOpen).toHaveBeenLastCalledWith(peers[1]);
    expect(selectedNames()).toEqual(['Peer Person 2']);
  });

  it('selects the row of a marker chosen on the map and scrolls it into view within the list', () => {
    render(<Harness />);
    const list = screen.getByRole('listbox');
    const rows = screen.getAllByRole('option');
    // jsdom does no layout: give the list and rows a size.
    Object.defineProperty(list, 'clientHeight', { value: 100 });
    rows.forEach((row, i) => {
      Object.defineProperty(row, 'offsetTop', { value: i * 80 });
      Object.defineProperty(row, 'offsetHeight', { value: 80 });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Marker 3' }));
    expect(selectedNames()).toEqual(['Peer Person 3']);
    expect(list.getAttribute('aria-activedescendant')).toBe('peer-option-peer-project-3');
    expect(list.scrollTop).toBe(140);
  });

  it('knows which keys move the selection', () => {
    expect(nextListIndex(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextListIndex(-1, 'ArrowUp', 3)).toBe(2);
    expect(nextListIndex(2, 'ArrowDown', 3)).toBe(2);
    expect(nextListIndex(0, 'ArrowUp', 3)).toBe(0);
    expect(nextListIndex(1, 'Tab', 3)).toBeNull();
    expect(nextListIndex(-1, 'ArrowDown', 0)).toBeNull();
  });
});
