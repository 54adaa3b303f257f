import { deskLanguage } from '../lib/desk-language.svelte';
import type { Language } from '../lib/i18n';

/** The window speaks `language`, as when the person at the keyboard has chosen it. */
export function speak(language: Language): void {
  deskLanguage.chosen = language;
}
