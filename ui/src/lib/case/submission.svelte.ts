// The state of one form's submission: busy while the back end works, and the error it returned,
// so each form shows its own error next to itself (or next to the field it names).
import { asIpcError } from '../api';
import type { IpcError } from '../bindings';
import { errorSentence, type Language } from '../i18n';

export class Submission {
  error = $state<IpcError | null>(null);
  busy = $state(false);

  /** Runs `task`; true when it succeeded. A second submit while busy is ignored. */
  async run(task: () => Promise<unknown>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      await task();
      return true;
    } catch (caught) {
      this.error = asIpcError(caught);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** A problem found before sending, already worded for the person at the desk. */
  refuse(field: string, message: string): void {
    this.error = { code: 'invalid_input', message, field };
  }

  /** The error sentence for `field`, or '' when the error is about something else. */
  fieldText(language: Language, field: string): string {
    const error = this.error;
    return error && error.field === field ? errorSentence(language, error) : '';
  }

  invalid(field: string): boolean {
    return this.error?.field === field;
  }

  /** The error sentence unless one of `shownFields` already shows it next to itself. */
  formText(language: Language, shownFields: readonly string[]): string {
    const error = this.error;
    if (!error || (error.field !== null && shownFields.includes(error.field))) return '';
    return errorSentence(language, error);
  }
}
