// Events the desktop shell sends to the window (`reminders-raised`, `open-case`).
import { listen } from '@tauri-apps/api/event';

/**
 * Listens to `event` until the returned function is called; made for `$effect` cleanup. Outside
 * the desktop shell there is no event bus, and the app works without it (the reminders poll).
 */
export function listenUntilStopped<T>(event: string, handler: (payload: T) => void): () => void {
  let stopped = false;
  let unlisten: (() => void) | undefined;
  const stopQuietly = (stop: () => void) => {
    try {
      stop();
    } catch {
      // Only fails once the event bus itself is gone (window closing): nothing is left to stop.
    }
  };
  listen<T>(event, (message) => handler(message.payload)).then(
    (stop) => (stopped ? stopQuietly(stop) : (unlisten = stop)),
    () => {},
  );
  return () => {
    stopped = true;
    if (unlisten) stopQuietly(unlisten);
  };
}
