// The language the window speaks: the one the person at the keyboard chose, else the computer's
// locale. The back end owns the choice (kept with the person on this computer, and spoken by the
// notifications and the tray too); the window learns it at start (app_info, current_person), when
// another person takes the keyboard, and when the person chooses. One value for the whole window.
import { languageFor, type Language } from './i18n';

class DeskLanguage {
  /** The person's choice; null follows the computer. */
  chosen = $state<Language | null>(null);
  /** The computer's locale, from the back end (the OS's, not the web view's). */
  locale = $state<string | null>(null);
  current = $derived<Language>(this.chosen ?? languageFor(this.locale ?? navigator.language));
}

export const deskLanguage = new DeskLanguage();
