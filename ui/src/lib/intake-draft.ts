// What an agent has typed into the intake form, kept in localStorage so a crash or an
// accidental close loses nothing. Written a moment after typing stops, cleared after a save or
// when the agent cancels. A draft belongs to one person on one database: its key names both, so
// the next person at the keyboard, or another database, never sees it.
import type { Channel, Priority } from './bindings';

export interface IntakeFields {
  name: string;
  phone: string;
  email: string;
  channel: Channel;
  productRef: string;
  description: string;
  requestedRemedy: string;
  priority: Priority;
  acknowledged: boolean;
  callback: boolean;
  callbackText: string;
  callbackDue: string;
}

export interface IntakeDraft {
  fields: IntakeFields;
  /** When it was last written (ISO). */
  savedAt: string;
}

/** Where drafts were kept before they had an owner; read by nobody, removed on sight. */
export const LEGACY_DRAFT_KEY = 'lupaus.intake-draft';

/** The storage key of `person`'s draft on the database at `dbPath`; none while either is unknown. */
export function draftKey(dbPath: string, person: string): string | null {
  if (dbPath === '' || person.trim() === '') return null;
  return `${LEGACY_DRAFT_KEY}:${encodeURIComponent(dbPath)}:${encodeURIComponent(person)}`;
}
export const DRAFT_DELAY_MS = 400;

const TEXTS = ['name', 'phone', 'email', 'productRef', 'description', 'requestedRemedy', 'callbackText', 'callbackDue'] as const;

/** Nothing worth keeping: no text typed and no box ticked (defaults alone are not a draft). */
export function isBlank(fields: IntakeFields): boolean {
  const typed = TEXTS.filter((key) => key !== 'callbackText').some((key) => fields[key].trim() !== '');
  return !typed && !fields.acknowledged && !fields.callback;
}

/** The stored draft, or null when there is none or it cannot be read. */
export function loadDraft(key: string | null): IntakeDraft | null {
  try {
    localStorage.removeItem(LEGACY_DRAFT_KEY);
    if (key === null) return null;
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const draft = JSON.parse(raw) as IntakeDraft;
    const fields = draft?.fields;
    if (!fields || typeof draft.savedAt !== 'string') return null;
    if (!TEXTS.every((key) => typeof fields[key] === 'string')) return null;
    if (typeof fields.acknowledged !== 'boolean' || typeof fields.callback !== 'boolean') return null;
    return isBlank(fields) ? null : draft;
  } catch {
    return null;
  }
}

export function clearDraft(key: string | null): void {
  if (key === null) return;
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** Writes drafts a moment after the last change; `flush` writes a pending one at once. */
export class DraftWriter {
  #pending: IntakeFields | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #key: string | null;

  /** With no key (nobody known at the keyboard yet) nothing is stored. */
  constructor(key: string | null) {
    this.#key = key;
  }

  schedule(fields: IntakeFields): void {
    this.#pending = fields;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), DRAFT_DELAY_MS);
  }

  flush(): void {
    clearTimeout(this.#timer);
    const fields = this.#pending;
    this.#pending = null;
    if (fields === null || this.#key === null) return;
    if (isBlank(fields)) return clearDraft(this.#key);
    try {
      localStorage.setItem(this.#key, JSON.stringify({ fields, savedAt: new Date().toISOString() } satisfies IntakeDraft));
    } catch {
      // Storage full or unavailable: the form still works, only without a safety net.
    }
  }

  /** Forgets a pending write (the case was saved, or the draft discarded). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#pending = null;
  }
}
