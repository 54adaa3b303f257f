// Typed calls to the Rust commands. Types come from `bindings.ts`, generated from Rust.
// Argument keys are the Rust parameter names in camelCase (Tauri converts them).
import { invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  Attachment,
  AutostartStatus,
  BackupCheck,
  BusinessSpan,
  CalendarDay,
  CaseCommand,
  CaseDetail,
  CaseFilter,
  CaseListQuery,
  CaseSummary,
  CurrentPerson,
  Customer,
  DeskFigures,
  DeskSettings,
  IpcError,
  Lesson,
  LessonEntry,
  NewCase,
  NewPromise,
  Person,
  Promise as KeptPromise,
  PromiseView,
  Renegotiated,
} from './bindings';

/** Every failed command rejects with an IpcError; anything else (a crash in IPC) is wrapped. */
export function asIpcError(error: unknown): IpcError {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message, field } = error as IpcError;
    return { code: String(code), message: String(message), field: field ?? null };
  }
  return { code: 'internal', message: String(error), field: null };
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw asIpcError(error);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  currentPerson: () => call<CurrentPerson>('current_person'),
  createCase: (intake: NewCase) => call<CaseSummary>('create_case', { intake }),
  listCases: (query: CaseListQuery) => call<CaseSummary[]>('list_cases', { query }),
  browseCases: (filter: CaseFilter) => call<CaseSummary[]>('browse_cases', { filter }),
  getCase: (caseId: number) => call<CaseDetail>('get_case', { caseId }),
  actOnCase: (caseId: number, command: CaseCommand) => call<CaseDetail>('act_on_case', { caseId, command }),
  findCustomers: (query: string) => call<Customer[]>('find_customers', { query }),
  makePromise: (caseId: number, promise: NewPromise) => call<KeptPromise>('make_promise', { caseId, promise }),
  /** `keptAt` null means "now" on the back end's clock. */
  keepPromise: (promiseId: number, outcome: string, keptAt: string | null = null) =>
    call<KeptPromise>('keep_promise', { promiseId, outcome, keptAt }),
  /** `customerToldAt` null means "now": the agent is telling the customer as they record it. */
  renegotiatePromise: (promiseId: number, newDueAt: string, customerToldAt: string | null = null) =>
    call<Renegotiated>('renegotiate_promise', { promiseId, newDueAt, customerToldAt }),
  duePromises: (withinHours: number, mineOnly: boolean) =>
    call<PromiseView[]>('due_promises', { withinHours, mineOnly }),
  /** A due time `within` business time from now, plus the desk's buffer (an ISO instant). */
  suggestDue: (within: BusinessSpan) => call<string>('suggest_due', { within }),
  /** Gives an open promise to another owner (the lead's promise board). */
  reassignPromise: (promiseId: number, owner: string) => call<KeptPromise>('reassign_promise', { promiseId, owner }),

  listPeople: () => call<Person[]>('list_people'),
  switchPerson: (name: string) => call<CurrentPerson>('switch_person', { name }),

  /** Dates are calendar days in the desk's zone ("2026-11-01"); `to` is included. */
  deskFigures: (from: string, to: string) => call<DeskFigures>('desk_figures', { from, to }),
  /** Writes the figures to a file and resolves to its path. */
  exportFigures: (from: string, to: string, format: ExportFormat) =>
    call<string>('export_figures', { from, to, format }),
  /** Cases whose compensation waits for a lead; refused with `lead_only` for agents. */
  approvals: () => call<CaseSummary[]>('approvals'),
  lessons: (query: string | null) => call<Lesson[]>('lessons', { query }),
  addLessonEntry: (caseId: number, entry: LessonEntry) => call<Lesson>('add_lesson_entry', { caseId, entry }),

  getSettings: () => call<DeskSettings>('get_settings'),
  /** Leads only: the back end refuses agents with `lead_only`. */
  saveSettings: (settings: DeskSettings) => call<DeskSettings>('save_settings', { settings }),
  calendarDays: (from: string, to: string) => call<CalendarDay[]>('calendar_days', { from, to }),
  getAutostart: () => call<AutostartStatus>('get_autostart'),
  setAutostart: (enabled: boolean) => call<AutostartStatus>('set_autostart', { enabled }),
  listBackups: () => call<BackupCheck[]>('list_backups'),
  backupNow: () => call<BackupCheck>('backup_now'),

  /** Copies the file at `path` into the data folder and records it on the case. */
  attachFile: (caseId: number, path: string) => call<Attachment>('attach_file', { caseId, path }),
};

export type ExportFormat = 'xlsx' | 'csv';
