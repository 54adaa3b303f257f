// A small in-memory back end for UI tests: one case, its promises, the lead view's figures and
// the desk settings, with the same command names, argument keys and result shapes as the Rust
// commands.
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  CalendarFile,
  CaseCommand,
  EscalatedMiss,
  HandOffNotice,
  CaseDetail,
  CaseEvent,
  CaseSummary,
  CurrentPerson,
  DeskFigures,
  DeskSettings,
  ImportReport,
  IpcError,
  Language,
  Lesson,
  LessonEntry,
  CaseIntake,
  NewPromise,
  Person,
  PromiseView,
  Role,
  SettingsChange,
  Stage,
} from '../lib/bindings';
import { caseDetail, NOW, promiseView } from './fake-data';
import { calendarDays, deskFigures, deskSettings, PEOPLE } from './fake-lead-data';

export { caseDetail, NOW, promiseView } from './fake-data';

/** The event a few commands append, and the stage it leads to; enough for the UI tests. */
function apply(detail: CaseDetail, command: CaseCommand): CaseDetail {
  let stage = detail.state.stage;
  let event: CaseEvent;
  if (command.kind === 'start_solving') {
    stage = 'solving';
    event = { kind: 'solving_started' };
  } else if (command.kind === 'agree_remedy') {
    stage = 'remedy_agreed';
    event = { kind: 'remedy_agreed', remedy: command.remedy, option_id: command.option_id };
  } else if (command.kind === 'deliver_remedy') {
    stage = 'remedy_delivered';
    event = { kind: 'remedy_delivered', summary: command.summary, informed_via: command.informed_via };
  } else if (command.kind === 'add_note') {
    event = { kind: 'note_added', visibility: command.visibility, text: command.text };
  } else {
    throw { code: 'internal', message: `the fake does not model ${command.kind}`, field: null };
  }
  const next = caseDetail(stage, detail.promises);
  const record = { at: NOW, actor: { person: 'Aino', role: 'agent' as const }, stage_before: detail.state.stage, stage_after: stage, event };
  next.events = [...detail.events, record];
  return next;
}

export interface FakeDesk {
  detail: CaseDetail;
  due: PromiseView[];
  /** Every command with its arguments, in order. */
  calls: { command: string; args: Record<string, unknown> }[];
  /** The next `act_on_case` fails with this error. */
  failNextAct: IpcError | null;
  me: CurrentPerson;
  people: Person[];
  figures: DeskFigures;
  settings: DeskSettings;
  /** `save_settings` fails with this error (the back end's word on roles is final). */
  refuseSettings: IpcError | null;
  lessons: Lesson[];
  /** The settings audit trail, oldest first as the back end answers it. */
  settingsHistory: SettingsChange[];
  created: CaseSummary[];
  /** Each person's chosen language, kept by the back end with the person. */
  languages: Record<string, Language | null>;
  /** The file the next open dialog answers (null: the person closed it). */
  chosenFile: string | null;
  /** The problems the importer finds in it now (the test "fixes the file" by emptying them). */
  importProblems: ImportReport['problems'];
  /** Where the next save or folder dialog points (null: closed). */
  savedTo: string | null;
  /** The calendar file kept for the person at the keyboard. */
  calendarFeed: CalendarFile | null;
  /** Hand-off notices not yet acknowledged, for whoever is at the keyboard. */
  notices: HandOffNotice[];
  escalated: EscalatedMiss[];
  /** Whether the team server answers: another desk's file is fetched from it when opened. */
  teamServerUp: boolean;
}

const leadOnly = (what: string): IpcError => ({ code: 'lead_only', message: `Only a team lead can ${what}. Ask your team lead.`, field: null });

export function fakeDesk(stage: Stage = 'intake', locale = 'en-US', role: Role = 'agent'): FakeDesk {
  const desk: FakeDesk = {
    detail: caseDetail(stage),
    due: [],
    calls: [],
    failNextAct: null,
    teamServerUp: true,
    me: { name: role === 'lead' ? 'Leena' : 'Aino', role, language: null },
    people: PEOPLE,
    figures: deskFigures(),
    settings: deskSettings(),
    refuseSettings: null,
    lessons: [],
    settingsHistory: [],
    created: [],
    languages: {},
    chosenFile: '/home/aino/Documents/vanhat reklamaatiot.xlsx',
    importProblems: [],
    savedTo: '/home/aino/Documents',
    calendarFeed: null,
    notices: [],
    escalated: [],
  };
  const importReport = (path: string, dryRun: boolean): ImportReport => {
    const clean = desk.importProblems.length === 0;
    return {
      file: path, kind: 'complaints', encoding: 'xlsx', rows: 3, cases_created: clean ? 3 : 1, customers_created: 2, customers_matched: 1,
      ignored_columns: ['Käsittelijän huomio'], problems: desk.importProblems,
      starting_stages: clean ? [{ stage: 'solving', why: 'a remedy is named', rows: [2, 3] }] : [], dry_run: dryRun, saved: clean && !dryRun,
    };
  };
  let nextId = 100;
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    app_info: () => ({ version: '0.1.0', db_path: '/tmp/test.db', locale, person: desk.me.name, language: desk.me.language, time_zone: 'Europe/Helsinki' }),
    current_person: () => desk.me,
    list_people: () => desk.people,
    switch_person: (args) => {
      const person = desk.people.find((p) => p.name === args.name) ?? { name: String(args.name), role: 'agent' as const };
      desk.me = { name: person.name, role: person.role, language: desk.languages[person.name] ?? null };
      return desk.me;
    },
    choose_language: (args) => {
      const language = (args.language ?? null) as Language | null;
      desk.languages[desk.me.name] = language;
      desk.me = { ...desk.me, language };
      return desk.me;
    },
    list_cases: () => [...desk.created].reverse().concat(desk.detail.summary),
    browse_cases: () => [...desk.created].reverse().concat(desk.detail.summary),
    get_case: (args) => {
      if (args.caseId !== 1) throw { code: 'not_found', message: `There is no case ${String(args.caseId)}.`, field: null };
      return desk.detail;
    },
    act_on_case: (args) => {
      if (desk.failNextAct) {
        const error = desk.failNextAct;
        desk.failNextAct = null;
        throw error;
      }
      desk.detail = apply(desk.detail, args.command as CaseCommand);
      return desk.detail;
    },
    create_case: (args) => {
      const { case: intake, callback } = args.intake as CaseIntake;
      const id = 2 + desk.created.length;
      const created = { ...desk.detail.summary, id, reference: `R-2026-${String(id).padStart(6, '0')}`, customer_name: intake.customer.name, summary: intake.description };
      desk.created.push(created);
      return { case: created, callback: callback ? promiseView(nextId++, callback.due_at, 'open', callback.text).promise : null };
    },
    suggest_due: (args) => {
      const within = args.within as { hours?: number; days?: number };
      return within.days === 1 ? '2026-11-24T08:00:00Z' : within.days === 2 ? '2026-11-25T08:00:00Z' : '2026-11-23T14:00:00Z';
    },
    // Like the core's reader for the few texts the tests type; anything else is unreadable.
    read_due: (args) => {
      const readings: Record<string, { due_at: string; next_opening: string | null }> = {
        pe: { due_at: '2026-11-27T14:00:00Z', next_opening: null },
        'pe 14': { due_at: '2026-11-27T12:00:00Z', next_opening: null },
        'su 4.15': { due_at: '2026-11-29T02:15:00Z', next_opening: '2026-11-30T06:00:00Z' },
      };
      const reading = readings[String(args.text).trim().toLowerCase()];
      if (!reading) {
        throw { code: 'invalid_input', message: 'unreadable', field: 'due_text', reason: 'due_text_unreadable', params: { value: String(args.text).trim() } };
      }
      return reading;
    },
    // Monday 23 November: closing times Monday to Friday of this week and next.
    due_weekdays: () =>
      ['23', '24', '25', '26', '27', '30'].map((day) => `2026-11-${day}T14:00:00Z`).concat(['01', '02', '03', '04'].map((day) => `2026-12-${day}T14:00:00Z`)),
    make_promise: (args) => {
      const made = args.promise as NewPromise;
      const view = promiseView(nextId++, made.due_at, 'open', made.text);
      view.promise.channel = made.channel;
      view.promise.owner = made.owner;
      desk.detail = { ...desk.detail, promises: [...desk.detail.promises, view] };
      return view.promise;
    },
    // Like the back end: soonest first as given, at most `limit` (200 when not asked).
    due_promises: (args) => desk.due.slice(0, (args.limit as number | undefined) ?? 200),
    reassign_promise: (args) => {
      const view = desk.due.find((v) => v.promise.id === args.promiseId);
      if (!view) throw { code: 'not_found', message: `There is no promise ${String(args.promiseId)}.`, field: null };
      view.promise = { ...view.promise, owner: String(args.owner) };
      return view.promise;
    },
    withdraw_promise: (args) => {
      const reason = String(args.reason).trim();
      if (reason === '') throw { code: 'invalid_input', message: 'reason is required.', field: 'reason', reason: 'required' };
      const withdrawn = (view: PromiseView): PromiseView =>
        view.promise.id === args.promiseId
          ? { ...view, status: 'withdrawn', promise: { ...view.promise, state: { kind: 'withdrawn', reason, by: desk.me.name, at: NOW } } }
          : view;
      desk.detail = { ...desk.detail, promises: desk.detail.promises.map(withdrawn) };
      return desk.detail.promises.find((view) => view.promise.id === args.promiseId)?.promise;
    },
    find_customers: (args) =>
      String(args.query).toLowerCase().startsWith('maija')
        ? [{ id: 7, name: 'Maija Meikäläinen', email: 'maija@example.fi', phone: null, customer_number: 'AS-1001', case_count: 2 }]
        : [],
    choose_import_file: () => desk.chosenFile,
    check_import: (args) => importReport(String(args.path), true),
    run_import: (args) => importReport(String(args.path), false),
    export_data: (args) => (desk.savedTo === null ? null : { path: `${desk.savedTo}/lupaus-${String(args.what)}.${String(args.format)}`, rows: 42 }),
    save_my_calendar: () => (desk.savedTo === null ? null : { path: `${desk.savedTo}/lupaukset.ics`, promises: 3 }),
    my_calendar_feed: () => desk.calendarFeed,
    keep_my_calendar: () => (desk.savedTo === null ? null : (desk.calendarFeed = { path: `${desk.savedTo}/lupaus-${desk.me.name}.ics`, promises: 3 })),
    stop_my_calendar: () => ((desk.calendarFeed = null), null),
    export_customer: (args) => {
      if (desk.me.role !== 'lead') throw leadOnly('export everything about a customer');
      return desk.savedTo === null ? null : { path: `${desk.savedTo}/asiakas-${String(args.customerId)}.json`, rows: 2 };
    },
    anonymise_customer: (args) => {
      if (desk.me.role !== 'lead') throw leadOnly('anonymise a customer');
      return { customer_id: Number(args.customerId), cases: ['R-2026-000001', 'R-2026-000002'], events_rewritten: 9, attachments_removed: 1, already_anonymised: false };
    },
    desk_figures: () => desk.figures,
    export_figures: (args) => desk.savedTo === null ? null : `/home/aino/Documents/lupaus-luvut-${String(args.from)}-${String(args.to)}.${String(args.format)}`,
    approvals: () => {
      if (desk.me.role !== 'lead') throw leadOnly('see the approvals waiting for a decision');
      return [desk.detail.summary];
    },
    lessons: (args) => desk.lessons.filter((lesson) => args.query === null || JSON.stringify(lesson.entry).includes(String(args.query))),
    add_lesson_entry: (args) => {
      const entry = args.entry as LessonEntry;
      if (entry.kind === 'lesson_recorded' && desk.me.role !== 'lead') throw leadOnly("record the desk's lessons");
      const lesson = { id: nextId++, case_id: Number(args.caseId), case_reference: desk.detail.summary.reference, entry, by: desk.me.name, at: NOW };
      desk.lessons.unshift(lesson);
      return lesson;
    },
    get_settings: () => desk.settings,
    settings_history: () => desk.settingsHistory,
    save_settings: (args) => {
      if (desk.refuseSettings) throw desk.refuseSettings;
      desk.settings = args.settings as DeskSettings;
      return desk.settings;
    },
    calendar_days: (args) => calendarDays(String(args.from), String(args.to), desk.settings.calendar.closure_days),
    get_autostart: () => ({ enabled: false, entry_path: '/home/aino/.config/autostart/lupaus.desktop' }),
    set_autostart: (args) => ({ enabled: Boolean(args.enabled), entry_path: '/home/aino/.config/autostart/lupaus.desktop' }),
    list_backups: () => [],
    backup_now: () => ({ path: '/home/aino/.local/share/lupaus/backups/lupaus-2026-11-23.db', verified: true, problem: null, taken_local: '2026-11-23 12:00', size_bytes: 1_200_000, schema_version: 3, cases: 42, attachments: 2, attachments_missing: 0 }),
    attach_file: (args) => {
      const path = String(args.path);
      const name = path.split('/').at(-1) ?? path;
      if (name.endsWith('.iso')) {
        throw { code: 'file_too_large', message: `${name} is 700 MB; attachments can be at most 25 MB.`, field: 'file', params: { max_mb: '25' } };
      }
      const media_type = name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream';
      const attachment = { id: nextId++, case_id: 1, file_name: name, media_type, size_bytes: 240_000, sha256: 'ab12cd34ef56'.repeat(5) + 'abcd', added_by: desk.me.name, added_at: NOW, removed_at: null, on_desk: true };
      desk.detail = { ...desk.detail, attachments: [...desk.detail.attachments, attachment] };
      return attachment;
    },
    hand_off_notices: () => desk.notices,
    acknowledge_hand_off_notice: (args) => {
      desk.notices = desk.notices.filter((notice) => notice.event_id !== args.eventId);
      return null;
    },
    escalated_misses: () => {
      if (desk.me.role !== 'lead') throw leadOnly('see the escalated misses');
      return desk.escalated;
    },
    open_attachment: (args) => {
      const attachment = desk.detail.attachments.find((one) => one.id === args.attachmentId);
      if (!attachment) throw { code: 'not_found', message: 'There is no such attachment.', field: null };
      if (attachment.media_type === 'application/octet-stream') {
        const params = { name: attachment.file_name, media_type: attachment.media_type };
        throw { code: 'invalid_input', message: 'not opened', field: 'attachment', reason: 'attachment_not_openable', params };
      }
      if (!attachment.on_desk) {
        if (!desk.teamServerUp) throw { code: 'server_unreachable', message: 'The team server 10.0.0.5:5432/tiimi cannot be reached.', field: null };
        const fetched = desk.detail.attachments.map((one) => (one.id === attachment.id ? { ...one, on_desk: true } : one));
        desk.detail = { ...desk.detail, attachments: fetched };
      }
      return null;
    },
  };
  mockIPC(
    (command, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      desk.calls.push({ command, args });
      const handler = handlers[command];
      if (!handler) throw { code: 'internal', message: `unexpected command ${command}`, field: null };
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return desk;
}

/** The arguments of every call of `command`, in order. */
export const argsOf = (desk: FakeDesk, command: string) => desk.calls.filter((call) => call.command === command).map((call) => call.args);
