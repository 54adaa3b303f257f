// Reading a table in a test as the user reads it.

/** The cells of a table body, row by row, as text. */
export const cells = (table: HTMLElement) =>
  [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent?.trim()));
