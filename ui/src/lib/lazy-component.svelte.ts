// A screen that is not part of the first one, loaded when first needed or once the first screen
// has painted (issue 8, cold start: JavaScriptCore runs without its JIT, so every module parsed
// and run before the first case row delays that row).
import type { Component } from 'svelte';

export class LazyComponent<Props extends Record<string, any>> {
  /** The component once its module has loaded; null until then. */
  current = $state.raw<Component<Props> | null>(null);
  #loading: Promise<Component<Props>> | null = null;
  readonly #importModule: () => Promise<{ default: Component<Props> }>;

  constructor(importModule: () => Promise<{ default: Component<Props> }>) {
    this.#importModule = importModule;
  }

  /** Loads the module once; later calls share the first load. A failed load may be tried again. */
  load(): Promise<Component<Props>> {
    this.#loading ??= this.#importModule().then(
      (module) => (this.current = module.default),
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }
}

/**
 * Loads `components` after the next paint, so the first screen is drawn before their modules
 * are parsed, and a later click finds them ready. A failure is left for the click to meet.
 */
export function loadAfterPaint(components: LazyComponent<any>[]): void {
  const loadAll = () => components.forEach((component) => component.load().catch(() => {}));
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(loadAll, 0));
  else setTimeout(loadAll, 0);
}
