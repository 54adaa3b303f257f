// Events the desktop shell sends to the window (`reminders-raised`, `open-case`, files dropped).
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview, type Webview } from '@tauri-apps/api/webview';

function stopQuietly(stop: () => void) {
  try {
    stop();
  } catch {
    // Only fails once the event bus itself is gone (window closing): nothing is left to stop.
  }
}

/** Keeps the stop function of a listener that resolves later; made for `$effect` cleanup. */
function stoppable(started: Promise<() => void>): () => void {
  let stopped = false;
  let unlisten: (() => void) | undefined;
  started.then(
    (stop) => (stopped ? stopQuietly(stop) : (unlisten = stop)),
    () => {},
  );
  return () => {
    stopped = true;
    if (unlisten) stopQuietly(unlisten);
  };
}

/**
 * Listens to `event` until the returned function is called; made for `$effect` cleanup. Outside
 * the desktop shell there is no event bus, and the app works without it (the reminders poll).
 */
export function listenUntilStopped<T>(event: string, handler: (payload: T) => void): () => void {
  return stoppable(listen<T>(event, (message) => handler(message.payload)));
}

export type FileDrag = { type: 'enter' | 'over' | 'leave' } | { type: 'drop'; paths: string[] };

/**
 * Files dragged over and dropped onto the window, with their paths (the browser's own drag and
 * drop events carry no paths). Returns a stop function, as `listenUntilStopped` does; outside the
 * desktop shell nothing is ever dropped.
 */
export function listenForFileDrops(handler: (drag: FileDrag) => void): () => void {
  let webview: Webview;
  try {
    webview = getCurrentWebview();
  } catch {
    return () => {};
  }
  return stoppable(
    webview.onDragDropEvent(({ payload }) =>
      handler(payload.type === 'drop' ? { type: 'drop', paths: payload.paths } : { type: payload.type }),
    ),
  );
}
