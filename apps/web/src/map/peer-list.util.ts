/** Where a key press moves the selection in a list of `length` rows; null: the key is not ours. */
export function nextListIndex(current: number, key: string, length: number): number | null {
  if (length === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : Math.min(length - 1, current + 1);
    case 'ArrowUp':
      return current < 0 ? length - 1 : Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return null;
  }
}

/** Scrolls a row into view inside its own scrolling list, never the page (which would move the map away). */
export function scrollRowIntoList(list: HTMLElement, row: HTMLElement): void {
  const top = row.offsetTop - list.offsetTop;
  const bottom = top + row.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}
