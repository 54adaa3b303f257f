// The signal from any failed command to the recovery screen: a command that finds the database
// damaged (`database_corrupt`) or closed (`database_unavailable`) says so, wherever in the UI it
// was called, and the recovery gate replaces the desk with the recovery screen.
import type { IpcError, RestoreReport } from './bindings';

const EVENT = 'lupaus-database-problem';
const CODES = new Set(['database_corrupt', 'database_unavailable']);

/** Tells the recovery gate when `error` means the database itself cannot be used. */
export function reportIfDatabaseProblem(error: IpcError): void {
  if (CODES.has(error.code) && typeof window !== 'undefined') {
    window.dispatchEvent(new CustomEvent<IpcError>(EVENT, { detail: error }));
  }
}

/** Calls `handler` for each such error until the returned function is called. */
export function listenForDatabaseProblems(handler: (error: IpcError) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<IpcError>).detail);
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}

const RESTORED = 'lupaus-database-restored';

/** A backup was restored over the working database (settings): what it said, and when it was taken. */
export interface Restored {
  report: RestoreReport;
  taken: string;
}

/** Tells the recovery gate that the database under the desk was replaced, so it mounts the desk afresh. */
export function announceRestored(restored: Restored): void {
  window.dispatchEvent(new CustomEvent<Restored>(RESTORED, { detail: restored }));
}

/** Calls `handler` for each restore until the returned function is called. */
export function listenForRestores(handler: (restored: Restored) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<Restored>).detail);
  window.addEventListener(RESTORED, listener);
  return () => window.removeEventListener(RESTORED, listener);
}
