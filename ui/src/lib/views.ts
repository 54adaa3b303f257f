// The app's five views, in the order of the navigation and of their Alt+1…Alt+5 shortcuts.
export const VIEWS = ['cases', 'lead', 'lessons', 'settings', 'files'] as const;
export type View = (typeof VIEWS)[number];

/**
 * The view an Alt+number key press asks for, or null when it is not one of ours. A character
 * typed with AltGr (on a Finnish keyboard AltGr+2 is "@", AltGr+4 is "$") is typing, never
 * navigation, however the system reports the modifiers.
 */
export function viewForShortcut(event: KeyboardEvent): View | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.getModifierState?.('AltGraph')) return null;
  const digit = /^[1-9]$/.test(event.key) ? event.key : null;
  return digit === null ? null : (VIEWS[Number(digit) - 1] ?? null);
}
