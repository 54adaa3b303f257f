// Typed calls to the Rust commands. Types come from `bindings.ts`, generated from Rust.
// Argument keys are the Rust parameter names in camelCase (Tauri converts them).
import { invoke } from '@tauri-apps/api/core';
import { reportIfDatabaseProblem } from './recovery';
import type {
  AnonymisationReport,
  SettingsChange,
  Conflict,
  AppInfo,
  Attachment,
  CalendarFile,
  ExportSaved,
  ExportWhat,
  ImportReport,
  AutostartStatus,
  BackupCheck,
  BusinessSpan,
  CalendarDay,
  CaseCommand,
  DueReading,
  CaseDetail,
  CaseFilter,
  CaseCreated,
  CaseIntake,
  CaseSummary,
  CurrentPerson,
  Customer,
  DatabaseStatus,
  DeskFigures,
  DeskSettings,
  Language,
  IpcError,
  Lesson,
  LessonEntry,
  CustomerHistory,
  NewPromise,
  Person,
  Promise as KeptPromise,
  PromiseView,
  RecoveryInfo,
  RestoreReport,
  Renegotiated,
  Role,
  TeamBoard,
  TeamView,
  EscalatedMiss,
  HandOffNotice,
  PersonWhereabouts,
} from './bindings';

/** Every failed command rejects with an IpcError; anything else (a crash in IPC) is wrapped. */
export function asIpcError(error: unknown): IpcError {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message, field, reason, params } = error as IpcError;
    // The reason and its values let the UI word the error in the person's language.
    return {
      code: String(code),
      message: String(message),
      field: field ?? null,
      ...(reason ? { reason: String(reason) } : {}),
      ...(params ? { params } : {}),
    };
  }
  return { code: 'internal', message: String(error), field: null };
}

/** Round trips timed as performance measures: the start-up's first few (cold start, issue 8). */
const TIMED_CALLS = 20;
let timedCalls = 0;

/**
 * Records `command`'s round trip as a performance measure named `ipc <command>`, which
 * scripts/measure-cold-start.mjs prints. Only the first calls: the page's entry buffer would
 * otherwise grow for as long as the window stays open.
 */
function timeCall(command: string, start: number) {
  if (timedCalls >= TIMED_CALLS || typeof performance?.measure !== 'function') return;
  timedCalls += 1;
  try {
    performance.measure(`ipc ${command}`, { start, end: performance.now() });
  } catch {
    // An engine without User Timing level 3: nothing is timed.
  }
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  const start = performance.now();
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    const failure = asIpcError(error);
    reportIfDatabaseProblem(failure); // Any screen's call can find the file damaged.
    throw failure;
  } finally {
    timeCall(command, start);
  }
}

/** A figures scope as the commands take it: a desk or person left empty is not sent (the whole team). */
function scopeArgs(scope: { desk?: string; agent?: string }): { desk?: string; agent?: string } {
  return { ...(scope.desk ? { desk: scope.desk } : {}), ...(scope.agent ? { agent: scope.agent } : {}) };
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  currentPerson: () => call<CurrentPerson>('current_person'),
  /** The language of the window, the notifications and the tray for the person at the keyboard; null follows the computer. */
  chooseLanguage: (language: Language | null) => call<CurrentPerson>('choose_language', { language }),
  /** Opens a case with its call-back promise, if one was made: both are saved or neither. */
  createCase: (intake: CaseIntake) => call<CaseCreated>('create_case', { intake }),
  browseCases: (filter: CaseFilter) => call<CaseSummary[]>('browse_cases', { filter }),
  getCase: (caseId: number) => call<CaseDetail>('get_case', { caseId }),
  // `awayConfirmed`: hand off to a deactivated person after the sender saw the warning.
  actOnCase: (caseId: number, command: CaseCommand, awayConfirmed = false) =>
    call<CaseDetail>('act_on_case', awayConfirmed ? { caseId, command, awayConfirmed } : { caseId, command }),
  findCustomers: (query: string) => call<Customer[]>('find_customers', { query }),
  /** A returning customer's cases and the promises still open on them. */
  customerHistory: (customerId: number) => call<CustomerHistory>('customer_history', { customerId }),
  makePromise: (caseId: number, promise: NewPromise) => call<KeptPromise>('make_promise', { caseId, promise }),
  /** `keptAt` null means "now" on the back end's clock. */
  keepPromise: (promiseId: number, outcome: string, keptAt: string | null = null) =>
    call<KeptPromise>('keep_promise', { promiseId, outcome, keptAt }),
  /** `customerToldAt` null means "now": the agent is telling the customer as they record it. */
  renegotiatePromise: (promiseId: number, newDueAt: string, customerToldAt: string | null = null) =>
    call<Renegotiated>('renegotiate_promise', { promiseId, newDueAt, customerToldAt }),
  /** At most `limit` promises (the back end's cap of 200 when not given), soonest first. */
  duePromises: (withinHours: number, mineOnly: boolean, limit?: number) =>
    call<PromiseView[]>('due_promises', { withinHours, mineOnly, ...(limit === undefined ? {} : { limit }) }),
  /** A due time `within` business time from now, plus the desk's buffer (an ISO instant). */
  suggestDue: (within: BusinessSpan) => call<string>('suggest_due', { within }),
  /** Gives an open promise to another owner (the lead's promise board). */
  reassignPromise: (promiseId: number, owner: string) => call<KeptPromise>('reassign_promise', { promiseId, owner }),
  /** Reads a typed due time ("pe", "11.12. 14") on the desk's calendar. */
  readDue: (text: string) => call<DueReading>('read_due', { text }),
  /** The closing times of the business days left this week and next. */
  dueWeekdays: () => call<string[]>('due_weekdays'),
  /** Withdraws an open promise with a reason the lead sees, e.g. before closing the case. */
  withdrawPromise: (promiseId: number, reason: string) => call<KeptPromise>('withdraw_promise', { promiseId, reason }),

  listPeople: () => call<Person[]>('list_people'),
  /** `pin` only for a person who has one; the back end refuses a missing or wrong PIN. */
  switchPerson: (name: string, pin: string | null = null) =>
    call<CurrentPerson>('switch_person', pin === null ? { name } : { name, pin }),
  savePerson: (name: string, role: Role) => call<Person[]>('save_person', { name, role }),
  deactivatePerson: (name: string) => call<Person[]>('deactivate_person', { name }),
  setPin: (name: string, pin: string) => call<Person[]>('set_pin', { name, pin }),
  clearPin: (name: string) => call<Person[]>('clear_pin', { name }),

  /** Dates are calendar days in the desk's zone ("2026-11-01"); `to` is included. */
  /** In team mode `scope` narrows them to one desk (its code) or one person. */
  deskFigures: (from: string, to: string, scope: { desk?: string; agent?: string } = {}) =>
    call<DeskFigures>('desk_figures', { from, to, ...scopeArgs(scope) }),
  /**
   * Writes the figures to a file and resolves to its path; asks where to save (the OS's dialog),
   * null when the person closed it. `scope` as for `deskFigures`: the file names it.
   */
  exportFigures: (from: string, to: string, format: ExportFormat, scope: { desk?: string; agent?: string } = {}) =>
    call<string | null>('export_figures', { from, to, format, ...scopeArgs(scope) }),
  /** Cases whose compensation waits for a lead; refused with `lead_only` for agents. */
  approvals: () => call<CaseSummary[]>('approvals'),
  /** Team mode: promises due on every desk, each desk's last sync and each person's load. */
  teamBoard: (withinHours: number) => call<TeamBoard>('team_board', { withinHours }),
  /** Conflicts between desks waiting for a lead (all of them, reviewed too, with `all`). */
  conflicts: (all: boolean) => call<Conflict[]>('conflicts', { all }),
  /** A lead resolves a conflict; the review travels to every desk. */
  resolveConflict: (eventId: string, note: string) => call<Conflict>('resolve_conflict', { eventId, note }),
  lessons: (query: string | null) => call<Lesson[]>('lessons', { query }),
  addLessonEntry: (caseId: number, entry: LessonEntry) => call<Lesson>('add_lesson_entry', { caseId, entry }),
  /** Hand-offs to the person at the keyboard not yet acknowledged on this desk, newest first. */
  handOffNotices: () => call<HandOffNotice[]>('hand_off_notices'),
  acknowledgeHandOffNotice: (eventId: string) => call<null>('acknowledge_hand_off_notice', { eventId }),
  /** Where each of the team's people is signed in, or was last. */
  teamWhereabouts: () => call<PersonWhereabouts[]>('team_whereabouts'),
  /** Missed promises escalated to the leads on any desk; refused with `lead_only` for agents. */
  escalatedMisses: () => call<EscalatedMiss[]>('escalated_misses'),

  getSettings: () => call<DeskSettings>('get_settings'),
  /** Leads only: the back end refuses agents with `lead_only`. */
  saveSettings: (settings: DeskSettings) => call<DeskSettings>('save_settings', { settings }),
  /** Leads only: the settings audit trail, oldest first in the team's order. */
  settingsHistory: () => call<SettingsChange[]>('settings_history'),
  calendarDays: (from: string, to: string) => call<CalendarDay[]>('calendar_days', { from, to }),
  getAutostart: () => call<AutostartStatus>('get_autostart'),
  setAutostart: (enabled: boolean) => call<AutostartStatus>('set_autostart', { enabled }),
  listBackups: () => call<BackupCheck[]>('list_backups'),
  backupNow: () => call<BackupCheck>('backup_now'),

  /** The desk's team and its link to the server; null for a standalone desk. */
  teamStatus: () => call<TeamView | null>('team_status'),
  /** Joins a team; the secret goes only to the login and the desk's secret store. */
  joinTeam: (server: string, desk: string, secret: string, caFile: string | null = null) =>
    call<TeamView | null>('join_team', { server, desk, secret, caFile }),
  /** Leaves the team: the desk keeps everything and works alone. */
  leaveTeam: () => call<TeamView | null>('leave_team'),

  /** Whether the database is in use, or why not (the recovery screen is then shown). */
  databaseStatus: () => call<DatabaseStatus>('database_status'),
  recoveryInfo: () => call<RecoveryInfo>('recovery_info'),
  /** Restores a listed backup; the file it replaces is kept aside untouched. `acceptOlder` is
   * required when the database came from a newer Lupaus. */
  restoreBackup: (path: string, acceptOlder: boolean) =>
    call<RestoreReport>('restore_backup', { path, acceptOlder }),
  quitApp: () => call<void>('quit_app'),

  /** Copies the file at `path` into the data folder and records it on the case. */
  // Files are chosen in the OS's own dialog, opened by the Rust side; null: the dialog was closed.
  chooseImportFile: () => call<string | null>('choose_import_file'),
  checkImport: (path: string) => call<ImportReport>('check_import', { path }),
  runImport: (path: string) => call<ImportReport>('run_import', { path }),
  exportData: (what: ExportWhat, format: ExportFormat) => call<ExportSaved | null>('export_data', { what, format }),
  saveMyCalendar: () => call<CalendarFile | null>('save_my_calendar'),
  myCalendarFeed: () => call<CalendarFile | null>('my_calendar_feed'),
  keepMyCalendar: () => call<CalendarFile | null>('keep_my_calendar'),
  stopMyCalendar: () => call<null>('stop_my_calendar'),
  exportCustomer: (customerId: number) => call<ExportSaved | null>('export_customer', { customerId }),
  anonymiseCustomer: (customerId: number) => call<AnonymisationReport>('anonymise_customer', { customerId }),

  attachFile: (caseId: number, path: string) => call<Attachment>('attach_file', { caseId, path }),
  openAttachment: (attachmentId: number) => call<null>('open_attachment', { attachmentId }),
};

export type ExportFormat = 'xlsx' | 'csv';
