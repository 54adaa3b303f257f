// Which rows of a long list are in the DOM: those in the viewport and a few either side, so a
// list of a million cases costs what a list of thirty does.

/** Rows kept in the DOM above and below the viewport, so fast scrolling shows no blank rows. */
export const OVERSCAN = 8;

export type RowWindow = { start: number; end: number };

/**
 * The rows `[start, end)` to render for a viewport `height` px tall scrolled to `scrollTop`,
 * each row `rowHeight` px, out of `count` rows.
 */
export function rowWindow(scrollTop: number, height: number, rowHeight: number, count: number): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + height) / rowHeight);
  const start = Math.max(0, Math.min(first - OVERSCAN, count));
  const end = Math.max(start, Math.min(last + OVERSCAN, count));
  return { start, end };
}

/** How many whole rows fit in the viewport: the step of Page Up and Page Down. */
export function rowsPerPage(height: number, rowHeight: number): number {
  return Math.max(1, Math.floor(height / rowHeight) - 1);
}

/** The scroll position that brings row `index` fully into view, moving as little as possible. */
export function scrollToShow(index: number, scrollTop: number, height: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return scrollTop;
}

/** The row a key moves to from `index`, or `null` for keys the list does not handle. */
export function rowAfterKey(key: string, index: number, count: number, perPage: number): number | null {
  const last = Math.max(0, count - 1);
  const clamp = (value: number) => Math.max(0, Math.min(value, last));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + perPage);
    case 'PageUp':
      return clamp(index - perPage);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
