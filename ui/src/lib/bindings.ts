// Generated from the Rust types by `make bindings`. Do not edit by hand.

/**
 * The kind of a [`CaseCommand`] without its payload.
 */
export type ActionKind = "start_solving" | "propose_remedy_option" | "wait_for" | "resume" | "agree_remedy" | "decline_complaint" | "deliver_remedy" | "communicate_decline" | "propose_compensation" | "approve_compensation" | "reject_compensation" | "hand_off" | "add_note" | "record_contact" | "record_root_cause" | "assign_responsibility" | "record_cost" | "add_corrective_action" | "close" | "reopen";

/**
 * Who does something: recorded on every event.
 */
export type Actor = { person: string, role: Role, };

/**
 * One person's load: open cases they own, and their overdue and due-soon promises.
 */
export type AgentWorkload = { person: string, open_cases: number, overdue: number, due_soon: number, };

export type AgreedRemedy = { remedy: Remedy, option_id: number | null, by: string, at: string, };

/**
 * The blame side. Empty until the remedy is delivered.
 */
export type Analysis = { root_cause: RootCause | null, responsibility: Responsibility | null, costs: Array<Cost>, actions: Array<CorrectiveAction>, };

/**
 * What an anonymisation did.
 */
export type AnonymisationReport = { customer_id: number, cases: Array<string>, 
/**
 * `case_events` and `promise_events` rows whose payload was rewritten.
 */
events_rewritten: number, attachments_removed: number, 
/**
 * Nothing to do: the customer was anonymised before.
 */
already_anonymised: boolean, };

/**
 * Facts the UI needs at start.
 */
export type AppInfo = { version: string, db_path: string, 
/**
 * The OS locale, e.g. `fi-FI`; the UI picks its language from it.
 */
locale: string, person: string, 
/**
 * The language the person at the keyboard chose on this computer; `None` follows `locale`.
 */
language: Language | null, 
/**
 * The desk's time zone (IANA name) from its settings: the window shows and reads every time
 * in it. The default zone while no database is open.
 */
time_zone: string, };

export type Attachment = { id: number, case_id: number, 
/**
 * The name the file had when it was added; shown, never used as a path.
 */
file_name: string, 
/**
 * From the file's first bytes, else its name (`lupaus_core::attachment::media_type`).
 */
media_type: string, size_bytes: number, sha256: string, added_by: string, added_at: string, 
/**
 * When anonymisation deleted the file (the row stays, its name redacted).
 */
removed_at: string | null, 
/**
 * Whether its bytes are on this desk. In team mode another desk's file is listed at once
 * and fetched from the team server when it is first opened.
 */
on_desk: boolean, };

/**
 * Whether Lupaus starts at login, and the file that says so.
 */
export type AutostartStatus = { enabled: boolean, entry_path: string, };

/**
 * What verifying one backup file found.
 */
export type BackupCheck = { path: string, 
/**
 * Readable, ours, a schema this build knows, and SQLite's integrity check says ok.
 */
verified: boolean, 
/**
 * Why it is not verified, as a sentence.
 */
problem: string | null, 
/**
 * When it was taken (the desk's local time), from a scheduled backup's name.
 */
taken_local: string | null, size_bytes: number, schema_version: number | null, cases: number | null, 
/**
 * Attachment files it holds, each verified against its SHA-256.
 */
attachments: number | null, 
/**
 * Attachments its database names but it holds no file for (missing when it was taken, or a
 * backup from before files were included).
 */
attachments_missing: number | null, };

/**
 * An overdue or due-soon promise and the desk its case was opened on.
 */
export type BoardPromise = { 
/**
 * '' on a standalone desk.
 */
desk_code: string, view: PromiseView, };

/**
 * An amount of business time, as an agent says it.
 */
export type BusinessSpan = { "minutes": number } | { "hours": number } | { "days": number };

/**
 * One day as the calendar sees it; the CLI prints a list of these as JSON.
 */
export type CalendarDay = { date: string, business_day: boolean, 
/**
 * The public holiday or customary eve on this day. In the rare years when two fall on one day
 * (Ascension Day on May Day in 2008) the names are joined with " / ".
 */
holiday: HolidayName | null, 
/**
 * One of the desk's own closure days.
 */
closure: boolean, };

/**
 * A calendar file written: where, and how many open promises it holds.
 */
export type CalendarFile = { path: string, promises: number, };

/**
 * The calendar settings as the desk edits and the store persists them (JSON).
 * Turn them into a [`DeskCalendar`] with [`CalendarSettings::validate`].
 */
export type CalendarSettings = { 
/**
 * IANA zone name, e.g. `Europe/Helsinki`.
 */
time_zone: string, opening_hours: WeeklyHours, 
/**
 * Days the desk is closed although they would be business days (inventory, staff training).
 */
closure_days: Array<string>, };

/**
 * A call-back promised while the customer is still on the line: saved with the case or not at all.
 */
export type CallbackPromise = { 
/**
 * What we promised, in the words the customer heard.
 */
text: string, channel: PromiseChannel, due_at: string, 
/**
 * Who keeps it; the person at the keyboard when not given.
 */
owner?: string, 
/**
 * The agent confirmed a due time outside opening hours.
 */
outside_hours_confirmed: boolean, };

/**
 * A request to change a case. [`super::decide`] turns it into events or refuses it.
 */
export type CaseCommand = { "kind": "start_solving" } | { "kind": "propose_remedy_option", remedy: Remedy, } | { "kind": "wait_for", on: WaitingOn, reason: string, until: string | null, } | { "kind": "resume", note: string | null, } | { "kind": "agree_remedy", remedy: Remedy, option_id: number | null, } | { "kind": "decline_complaint", basis: DeclineBasis, explanation: string, } | { "kind": "deliver_remedy", summary: string, informed_via: Channel, } | { "kind": "communicate_decline", informed_via: Channel, note: string | null, } | { "kind": "propose_compensation", amount_cents: number | null, form: string | null, basis: CompensationBasis, note: string | null, } | { "kind": "approve_compensation", compensation_id: number, note: string | null, } | { "kind": "reject_compensation", compensation_id: number, reason: string, } | { "kind": "hand_off", to: string, note: string, customer_told: string, callback: NewPromise | null, } | { "kind": "add_note", visibility: NoteVisibility, text: string, } | { "kind": "record_contact", direction: ContactDirection, channel: Channel, summary: string, } | { "kind": "record_root_cause", category: RootCauseCategory, description: string, } | { "kind": "assign_responsibility", party: Party, party_name: string | null, note: string | null, } | { "kind": "record_cost", amount_cents: number, borne_by: Party, description: string, } | { "kind": "add_corrective_action", measure: MeasureKind, description: string, owner: string, due: string | null, } | { "kind": "close", closing_gesture: string | null, lessons_learned: string | null, not_analysed_reason: string | null, } | { "kind": "reopen", reason: string, to: ReopenTarget, };

/**
 * The new case, and its call-back promise when one was made.
 */
export type CaseCreated = { case: CaseSummary, callback: Promise | null, };

/**
 * Everything the case view shows: the current state, what may be done next, the history.
 */
export type CaseDetail = { summary: CaseSummary, customer: Customer, state: CaseState, 
/**
 * What the person asking may do next, from the same rules that accept or refuse a command.
 */
allowed_actions: Array<ActionKind>, 
/**
 * Why root cause and responsibility are still locked, if they are.
 */
root_cause_lock: string | null, 
/**
 * The same as a reason key (`lupaus_core::reason`), so the UI says it in the person's language.
 */
root_cause_lock_reason?: string, figures: CaseFigures, 
/**
 * The event log, oldest first: the case's timeline.
 */
events: Array<EventRecord>, 
/**
 * Positions in `events` of the losing sides of team conflicts (made offline on two desks):
 * kept and shown, not applied, waiting for a lead's review. Empty on a standalone desk.
 */
conflict_losers: Array<number>, 
/**
 * The losers among `conflict_losers` a lead has resolved, and who: shown as reviewed.
 */
conflict_reviews: Array<PositionReview>, 
/**
 * Promise changes that lost a team conflict (the same promise kept twice...): kept, shown
 * struck through in the timeline, with their review once a lead has resolved them.
 */
promise_conflicts: Array<Conflict>, 
/**
 * The code of the desk that recorded each of `events` (same positions), shown with the
 * time that desk's clock said. All '' on a desk that never joined a team.
 */
event_desks: Array<string>, 
/**
 * The promises made on this case, by due time.
 */
promises: Array<PromiseView>, 
/**
 * Due times against the desk's SLA targets, paused while waiting.
 */
sla: SlaStatus, 
/**
 * Files the customer sent or the agent added.
 */
attachments: Array<Attachment>, };

/**
 * One accepted change. Texts in events are already trimmed and validated.
 */
export type CaseEvent = { "kind": "opened", intake: NewCase, } | { "kind": "solving_started" } | { "kind": "remedy_option_proposed", option_id: number, remedy: Remedy, } | { "kind": "wait_started", on: WaitingOn, reason: string, until: string | null, } | { "kind": "wait_ended", note: string | null, automatic: boolean, } | { "kind": "remedy_agreed", remedy: Remedy, option_id: number | null, } | { "kind": "complaint_declined", basis: DeclineBasis, explanation: string, } | { "kind": "remedy_delivered", summary: string, informed_via: Channel, } | { "kind": "decline_communicated", informed_via: Channel, note: string | null, } | { "kind": "compensation_proposed", compensation_id: number, amount_cents: number | null, form: string | null, basis: CompensationBasis, note: string | null, needs_lead_approval: boolean, } | { "kind": "compensation_approved", compensation_id: number, note: string | null, } | { "kind": "compensation_rejected", compensation_id: number, reason: string, } | { "kind": "handed_off", from: string, to: string, note: string, customer_told: string, callback: NewPromise | null, } | { "kind": "note_added", visibility: NoteVisibility, text: string, } | { "kind": "contact_recorded", direction: ContactDirection, channel: Channel, summary: string, } | { "kind": "root_cause_recorded", category: RootCauseCategory, description: string, } | { "kind": "responsibility_assigned", party: Party, party_name: string | null, note: string | null, } | { "kind": "cost_recorded", cost_id: number, amount_cents: number, borne_by: Party, description: string, } | { "kind": "corrective_action_added", action_id: number, measure: MeasureKind, description: string, owner: string, due: string | null, } | { "kind": "closed", closing_gesture: string | null, lessons_learned: string | null, not_analysed_reason: string | null, } | { "kind": "reopened", reason: string, to: ReopenTarget, };

/**
 * What reports and the case header show about one case.
 */
export type CaseFigures = { 
/**
 * First-contact resolution. True when all of these hold:
 * - the case has a resolution: its first `remedy_delivered` or `decline_communicated` event
 *   (a decline told to the customer also settles the complaint);
 * - between `opened` and that resolution there is no `contact_recorded` (the customer did
 *   not have to be contacted again, nor contact us) and no `handed_off`;
 * - the resolution falls on the same calendar day as receipt, in Helsinki time;
 * - the remedy held: no later `reopened` back to the remedy.
 */
first_contact_resolution: boolean, 
/**
 * Receipt to the current delivery (or communicated decline); `None` while there is none,
 * including after a reopening back to the remedy.
 */
time_to_remedy_seconds: number | null, 
/**
 * The same, less the time spent waiting on the customer or a supplier: the SLA clock.
 */
active_time_to_remedy_seconds: number | null, 
/**
 * Receipt to closing; `None` while the case is open.
 */
time_to_close_seconds: number | null, 
/**
 * All time spent waiting; a wait still running counts up to the last event.
 */
time_waiting_seconds: number, 
/**
 * The intake contact plus every recorded contact after it.
 */
customer_contacts: number, hand_offs: number, reopenings: number, };

/**
 * What the case list shows.
 */
export type CaseFilter = { view: CaseView, 
/**
 * Only this person's cases ("my cases").
 */
owner: string | null, 
/**
 * Words to search for; when given, results come by relevance.
 */
search: string | null, sort: CaseSort, 
/**
 * Page size; at most 500.
 */
limit: number | null, 
/**
 * Continue after this case: the last row of the page before.
 */
after_id: number | null, 
/**
 * In promise order (due today, overdue, by next promise): the `next_promise_due` of the row
 * named by `after_id`. Sent by the UI rather than read again, so a promise kept while the
 * agent scrolls cannot move the page boundary.
 */
after_due: string | null, 
/**
 * In a search: how many matching rows the UI already has (relevance order has no key).
 */
offset: number | null, };

/**
 * What the intake form sends: the complaint and, optionally, the call-back promised.
 */
export type CaseIntake = { case: NewCase, callback: CallbackPromise | null, };

export type CaseSort = "newest" | "next_promise";

/**
 * The current state of one case. Only [`apply`] changes it, so it always equals a replay of
 * the log.
 */
export type CaseState = { stage: Stage, intake: NewCase, received_at: string, 
/**
 * Who works on the case now; changes only by hand-off.
 */
owner: string, 
/**
 * Time of the latest event; new events are never stamped earlier.
 */
last_event_at: string, remedy_options: Array<RemedyOption>, agreed_remedy: AgreedRemedy | null, decline: Decline | null, delivery: Delivery | null, analysis: Analysis, compensations: Array<Compensation>, notes: Array<Note>, contacts: Array<Contact>, hand_offs: Array<HandOff>, 
/**
 * The wait in progress, if any.
 */
waiting: Wait | null, 
/**
 * Finished waits, oldest first.
 */
waits: Array<Wait>, closing: Closing | null, reopenings: Array<Reopening>, };

/**
 * One row of the case list.
 */
export type CaseSummary = { id: number, reference: string, received_at: string, customer_name: string, channel: string, priority: string, stage: string, owner: string, 
/**
 * The start of the customer's description, for the list.
 */
summary: string, 
/**
 * The earliest due time of the case's open promises.
 */
next_promise_due: string | null, 
/**
 * From when that promise counts as due soon: its earliest reminder on the desk's calendar
 * (`Store::browse_cases`, the case list). `None` in other lists, which show no closeness.
 */
next_promise_soon_from: string | null, };

export type CaseView = "all" | "open" | "waiting" | "due_today" | "overdue" | "closed";

export type CategoryCount<T> = { category: T, count: number, };

/**
 * How the complaint reached the desk.
 */
export type Channel = "phone" | "counter" | "email" | "chat" | "web_form" | "letter";

export type Closing = { closing_gesture: string | null, lessons_learned: string | null, 
/**
 * Set when a lead closed the case without a root cause.
 */
not_analysed_reason: string | null, by: string, at: string, };

export type Compensation = { id: number, amount_cents: number | null, form: string | null, basis: CompensationBasis, note: string | null, proposed_by: string, proposed_at: string, status: CompensationStatus, };

/**
 * On what grounds compensation is given.
 */
export type CompensationBasis = "contract" | "consumer_law" | "warranty" | "goodwill";

/**
 * Within the agent's limit a compensation is approved by whoever proposed it.
 */
export type CompensationStatus = { "kind": "pending_lead" } | { "kind": "approved", by: string, at: string, note: string | null, } | { "kind": "rejected", by: string, at: string, reason: string, };

export type CompensationTotal = { basis: CompensationBasis, count: number, amount_cents: number, };

/**
 * A conflict's losing side, as the review list and the case's timeline show it.
 */
export type Conflict = { 
/**
 * The losing event's global id (32 hex digits): what a review names.
 */
event_id: string, case_id: number, 
/**
 * With the desk's code when the case is another desk's, e.g. `R-2026-000001/KASSA2`.
 */
case_reference: string, 
/**
 * `case` or `promise`.
 */
log: string, kind: string, 
/**
 * When it was recorded, by the recording desk's clock, and by whom.
 */
at: string, actor: string, 
/**
 * The rule's own sentence for why it lost (English, for the log and the CLI).
 */
detail: string, 
/**
 * The case event that lost; `None` for a promise change.
 */
event: EventRecord | null, 
/**
 * The promise as the losing change would have left it; `None` for a case event.
 */
promise: Promise | null, review: ConflictReview | null, };

/**
 * Who resolved a conflict, when (their desk's clock) and what they noted.
 */
export type ConflictReview = { by: string, at: string, note: string, };

export type Contact = { direction: ContactDirection, channel: Channel, summary: string, by: string, at: string, };

/**
 * Who started a customer contact.
 */
export type ContactDirection = "inbound" | "outbound";

export type CorrectiveAction = { id: number, measure: MeasureKind, description: string, owner: string, due: string | null, by: string, at: string, };

export type Cost = { id: number, amount_cents: number, borne_by: Party, description: string, by: string, at: string, };

/**
 * Who is at the keyboard, in which role, and the language they chose on this computer.
 */
export type CurrentPerson = { name: string, role: Role, 
/**
 * `None`: the computer's locale decides.
 */
language: Language | null, };

export type Customer = { id: number, name: string, email: string | null, phone: string | null, customer_number: string | null, 
/**
 * How many cases this customer has had: "this customer's 3 earlier complaints".
 */
case_count: number, };

/**
 * A returning customer's earlier and open cases, with the promises still open on them.
 */
export type CustomerHistory = { 
/**
 * Newest first, at most [`HISTORY_CASES`].
 */
cases: Array<CaseSummary>, 
/**
 * Open promises on those cases, soonest due first.
 */
open_promises: Array<PromiseView>, };

/**
 * The customer as typed at intake. Matching to an existing customer happens in the store.
 */
export type CustomerInput = { name: string, email: string | null, phone: string | null, customer_number: string | null, };

/**
 * Why the database file is not in use: a stable code and the store's sentence about it.
 */
export type DatabaseProblem = { 
/**
 * `database_corrupt`, `not_lupaus_database` or `database_too_new`.
 */
code: string, message: string, 
/**
 * Found by the check after start (the desk was in use) rather than when opening.
 */
found_while_running: boolean, };

/**
 * What the window shows first: the desk, or the recovery screen and why.
 */
export type DatabaseStatus = { db_path: string, 
/**
 * Set when the file cannot be used; the desk is then replaced by the recovery screen.
 */
problem: DatabaseProblem | null, };

export type Decline = { basis: DeclineBasis, explanation: string, by: string, at: string, };

/**
 * Why a complaint is declined. A decline always states its basis.
 */
export type DeclineBasis = "contract" | "warranty_terms" | "consumer_law";

/**
 * The remedy was delivered, or (when `of_decline`) the customer was told of the decline.
 */
export type Delivery = { of_decline: boolean, summary: string | null, informed_via: Channel, by: string, at: string, };

export type DeskFigures = { period: Period, 
/**
 * Cases received in the period; the case figures below are over these.
 */
cases_received: number, promises: PromiseFigures, promises_per_week: Array<WeekPromises>, 
/**
 * Receipt to remedy delivered (or decline told), in business minutes.
 */
time_to_remedy: Distribution, 
/**
 * Receipt to closing, in business minutes.
 */
time_to_close: Distribution, 
/**
 * Of the cases with a resolution, the share resolved within the intake contact.
 */
first_contact_resolution_percent: number | null, 
/**
 * Customer effort: contacts per case, the intake contact included.
 */
contacts_per_case: number | null, hand_offs_per_case: number | null, 
/**
 * Approved compensation by basis.
 */
compensation: Array<CompensationTotal>, 
/**
 * Root causes, most frequent first (a Pareto list).
 */
root_causes: Array<CategoryCount<RootCauseCategory>>, responsibility: Array<CategoryCount<Party>>, 
/**
 * Every open case now (not only those received in the period), by stage and age.
 */
open_by_stage: Array<OpenStage>, };

export type DeskSettings = { calendar: CalendarSettings, reminder_plan: ReminderPlan, sla_targets: SlaTargets, policy: Policy, 
/**
 * Business minutes added to a suggested due time, so we promise a little later than we
 * expect to deliver.
 */
promise_buffer_minutes: number, 
/**
 * A hand-off to someone not signed in on any desk for this many business days warns the
 * sender (issue 17); 0 turns the warning off.
 */
away_after_business_days: number, };

/**
 * A desk of the team and how current its picture is.
 */
export type DeskSync = { desk_code: string, 
/**
 * When it last finished a sync round, on this desk's clock; `None`: never.
 */
last_sync_at: string | null, 
/**
 * Not synced for [`STALE_AFTER_MINUTES`] or more, or never: what it holds may be missing here.
 */
stale: boolean, 
/**
 * The desk this board is read on.
 */
this_desk: boolean, };

/**
 * Durations in business minutes: how many, the median and the 90th percentile (nearest rank).
 */
export type Distribution = { count: number, median: number | null, p90: number | null, 
/**
 * Every value, sorted, for a histogram.
 */
values: Array<number>, };

/**
 * A typed due time as read, with the next opening time when it falls outside opening hours.
 */
export type DueReading = { due_at: string, next_opening: string | null, };

/**
 * One missed promise that was escalated: its state now says what was done (kept late,
 * renegotiated, withdrawn, or still open).
 */
export type EscalatedMiss = { promise: PromiseView, escalated_at: string, seen: Array<EscalationSeen>, };

/**
 * Who was at the keyboard of the desk that raised an escalation.
 */
export type EscalationSeen = { 
/**
 * Empty when nobody was signed in (or the step was raised before this was kept).
 */
by: string, 
/**
 * The raising desk's code, when this desk has seen anyone sign in there.
 */
desk_code: string, at: string, };

/**
 * Who did what, when, and how it moved the case.
 */
export type EventRecord = { at: string, actor: Actor, stage_before: Stage, stage_after: Stage, event: CaseEvent, };

/**
 * A file written where the person chose: its path and how many rows (or cases) it holds.
 */
export type ExportSaved = { path: string, rows: number, };

export type ExportWhat = "cases" | "customers" | "promises" | "events";

/**
 * One field that changed: its dotted path and its JSON values before and after.
 */
export type FieldChange = { field: string, before: string, after: string, };

export type HandOff = { from: string, to: string, note: string, customer_told: string, callback: NewPromise | null, by: string, at: string, };

/**
 * A hand-off the receiver has not acknowledged yet, with what the sender wrote.
 */
export type HandOffNotice = { 
/**
 * The hand-off's event id: what acknowledging names.
 */
event_id: string, case_id: number, case_reference: string, customer_name: string, from: string, to: string, note: string, customer_told: string, handed_at: string, };

/**
 * A holiday's name in the desk's three languages.
 */
export type HolidayName = { fi: string, sv: string, en: string, };

export type ImportKind = "complaints" | "customers";

/**
 * What an import found and did.
 */
export type ImportReport = { file: string, kind: ImportKind | null, 
/**
 * The text encoding the file was read in.
 */
encoding: string, rows: number, 
/**
 * Cases opened; in a dry run or a refused import, the rows that passed and would have been.
 */
cases_created: number, customers_created: number, 
/**
 * Rows whose customer was already known (same customer number or e-mail).
 */
customers_matched: number, 
/**
 * Headers Lupaus does not know; their cells were not read.
 */
ignored_columns: Array<string>, problems: Array<Problem>, 
/**
 * Where the cases start, and why: each distinct reason once, with its rows.
 */
starting_stages: Array<StartingStage>, dry_run: boolean, 
/**
 * True only when the rows were written: not a dry run and no problems.
 */
saved: boolean, };

export type IpcError = { code: string, 
/**
 * The same in English, for the log and for codes the UI has no words for.
 */
message: string, 
/**
 * The input field the error is about, so the UI can show it next to that field.
 */
field: string | null, 
/**
 * Why, as a stable key the UI words itself (`case_closed`, `too_long`); see
 * `lupaus_core::reason`.
 */
reason?: string, 
/**
 * Values the UI's sentence names, e.g. `max_mb` for `file_too_large`; left out when empty.
 * (A map, not `Option<map>`: every command's `Result` carries this type, so it stays small.)
 */
params?: { [key in string]: string }, };

/**
 * A language of the window, the notifications and the tray, by its ISO 639-1 code.
 */
export type Language = "fi" | "sv" | "en";

/**
 * One stored entry with its case, for the lessons list.
 */
export type Lesson = { id: number, case_id: number, case_reference: string, entry: LessonEntry, by: string, at: string, };

/**
 * A request to talk a case through, or a lesson a lead recorded.
 */
export type LessonEntry = { "kind": "debrief_requested", reason: string, } | { "kind": "lesson_recorded", text: string, };

/**
 * Whether an action fixes this kind of failure (corrective) or stops it recurring (preventive).
 */
export type MeasureKind = "corrective" | "preventive";

/**
 * What an agent submits to open a case. Validate it with [`NewCase::validate`].
 */
export type NewCase = { channel: Channel, customer: CustomerInput, 
/**
 * Product, order or invoice reference.
 */
product_ref: string | null, 
/**
 * What happened, in the customer's own words.
 */
description: string, 
/**
 * The remedy the customer asks for, recorded at receipt.
 */
requested_remedy: string, priority: Priority, category: string | null, tags: Array<string>, 
/**
 * Whether the customer was told the case was received and given its reference.
 */
acknowledged: boolean, 
/**
 * The reference an earlier system or spreadsheet gave the complaint (`Viite`), kept because
 * the customer may quote it; search finds the case by it.
 */
former_ref?: string, };

/**
 * A promise as an agent records it, before validation.
 */
export type NewPromise = { 
/**
 * What we promised, in the words the customer heard.
 */
text: string, channel: PromiseChannel, due_at: string, 
/**
 * Who must keep it.
 */
owner: string, 
/**
 * The agent confirmed a due time outside opening hours (an evening call-back the customer
 * asked for); without it such a time is refused with the next opening time to offer.
 */
outside_hours_confirmed: boolean, };

export type Note = { visibility: NoteVisibility, text: string, by: string, at: string, };

/**
 * Who may read a note.
 */
export type NoteVisibility = "internal" | "customer_visible";

export type OpenStage = { stage: Stage, under_2_days: number, days_2_to_7: number, days_7_to_30: number, over_30_days: number, };

/**
 * One day's opening hours in the desk's local time. `open` is before `close`: desks that stay
 * open past midnight are not supported.
 */
export type OpeningHours = { open: string, close: string, };

/**
 * Who is responsible, or who bears a cost.
 */
export type Party = "us" | "supplier" | "customer" | "shared";

/**
 * The reporting period, `from` inclusive and `to` exclusive.
 */
export type Period = { from: string, to: string, };

/**
 * A person on the desk's list. The PIN itself never leaves the store; only whether there is one.
 */
export type Person = { name: string, role: Role, 
/**
 * Switching to this person asks for their PIN.
 */
has_pin: boolean, };

/**
 * Where one person is signed in, or was last.
 */
export type PersonWhereabouts = { person: string, 
/**
 * The desk's reference code ('' on a desk that never joined a team) and its name.
 */
desk_code: string, desk_name: string, 
/**
 * When they signed in there, by that desk's clock.
 */
signed_in_at: string, 
/**
 * Nobody signed in on that desk after them.
 */
signed_in_now: boolean, 
/**
 * That desk is this one.
 */
here: boolean, };

/**
 * The desk's rules that are settings, not code. Passed in, never read from the environment.
 */
export type Policy = { 
/**
 * An agent may grant compensation up to this total per case (in euro cents); above it the
 * compensation waits for a lead's approval.
 */
compensation_lead_limit_cents: number, };

/**
 * A case event's review, by its place in the case's timeline (`CaseDetail::conflict_losers`).
 */
export type PositionReview = { position: number, by: string, };

export type Priority = "low" | "normal" | "high" | "urgent";

/**
 * One thing wrong with the file. `row` 0 is the file as a whole, 1 the header row.
 */
export type Problem = { row: number, column: string, 
/**
 * The sentence in English, for the CLI and the log.
 */
message: string, 
/**
 * Why, as a stable key: one of [`ALL`], or a key of `lupaus_core::reason::ALL`.
 */
reason: string, 
/**
 * The values the reason's sentence names, e.g. `value` for the cell as written.
 */
params: { [key in string]: string }, };

/**
 * A promise made to a customer.
 */
export type Promise = { id: number, case_id: number, text: string, channel: PromiseChannel, due_at: string, owner: string, made_by: string, made_at: string, 
/**
 * The promise this one replaced by renegotiation, if any.
 */
replaces: number | null, state: PromiseState, };

/**
 * How we said we would get back to the customer.
 */
export type PromiseChannel = "call" | "email" | "sms" | "letter" | "visit";

export type PromiseFigures = { 
/**
 * Promises whose due time falls in the period.
 */
due: number, kept_on_time: number, kept_late: number, 
/**
 * Due, passed, and not kept.
 */
broken: number, 
/**
 * Moved to a new time the customer agreed to before the old one passed.
 */
renegotiated_in_time: number, 
/**
 * Due later in the period than now, still open.
 */
open: number, 
/**
 * Withdrawn with a reason before their due time (the case ended another way); the lead reads
 * the reasons on the promise board. Not in the kept rate.
 */
withdrawn: number, 
/**
 * Kept on time out of those whose fate is known (kept, late, broken); renegotiated ones are
 * counted through the promise that replaced them.
 */
kept_on_time_percent: number | null, };

/**
 * The promises of one person or one desk: overdue first (longest late on top), then soonest.
 */
export type PromiseGroup = { 
/**
 * The person's name or the desk's code.
 */
key: string, overdue: number, due_soon: number, promises: Array<BoardPromise>, };

/**
 * What has been recorded about a promise. "Broken" is not recorded: it is what an open promise
 * becomes when its due time passes; see [`Promise::effective_state`].
 */
export type PromiseState = { "kind": "open" } | { "kind": "kept", outcome: string, at: string, } | { "kind": "renegotiated", at: string, new_due_at: string, customer_told_at: string, replaced_by: number, } | { "kind": "withdrawn", reason: string, by: string, at: string, };

/**
 * Where a promise stands at a given moment; what lists, badges and statistics show.
 */
export type PromiseStatus = "open" | "kept" | "kept_late" | "broken" | "renegotiated" | "withdrawn";

/**
 * A promise with what a list needs to show it: its case and customer, and where it stands now.
 */
export type PromiseView = { promise: Promise, status: PromiseStatus, case_reference: string, customer_name: string, };

/**
 * One reminder step raised now, with what a notification needs to say.
 */
export type RaisedReminder = { promise: PromiseView, key: string, kind: ReminderKind, fire_at: string, };

/**
 * One backup as the recovery screen lists it.
 */
export type RecoveryBackup = { path: string, 
/**
 * When it was taken, in the desk's local time (from its name).
 */
taken_local: string, size_bytes: number, schema_version: number | null, 
/**
 * Counted only for files small enough to count quickly.
 */
cases: number | null, 
/**
 * A Lupaus database this build can open. Every backup was fully verified when it was written,
 * and a restore verifies the chosen one again before it replaces anything.
 */
usable: boolean, 
/**
 * Why it cannot be used, as a sentence.
 */
problem: string | null, 
/**
 * A backup of another database sharing the folder (never offered for this one).
 */
other_database: boolean, };

/**
 * The recovery screen's content.
 */
export type RecoveryInfo = { db_path: string, problem: DatabaseProblem | null, 
/**
 * Where the backups are looked for, to name when there are none.
 */
backups_dir: string, 
/**
 * Newest first.
 */
backups: Array<RecoveryBackup>, };

/**
 * What we do (or offer to do) for the customer.
 */
export type Remedy = { 
/**
 * At least one form; duplicates are dropped.
 */
forms: Array<RemedyForm>, 
/**
 * What exactly, in words the customer would recognise.
 */
description: string, };

/**
 * The form a remedy takes; an agreed remedy may combine several.
 */
export type RemedyForm = "repair" | "replacement" | "refund" | "discount" | "apology" | "explanation" | "goodwill_gesture";

export type RemedyOption = { id: number, remedy: Remedy, by: string, at: string, };

/**
 * A delay counted in business time (only opening hours of business days) or on the wall clock.
 */
export type ReminderDelay = { "business_minutes": number } | { "wall_minutes": number };

/**
 * What a reminder is about.
 */
export type ReminderKind = "before_due" | "at_due" | "overdue" | "escalation";

/**
 * A desk's reminder rules; persisted as JSON with the desk settings.
 */
export type ReminderPlan = { 
/**
 * How long before the due time to remind the owner.
 */
before_due: Array<ReminderDelay>, 
/**
 * After the at-due reminder, remind again this often until the promise is kept or renegotiated.
 */
overdue_every: ReminderDelay | null, 
/**
 * Tell the team leads once the promise has been overdue this long.
 */
escalate_after: ReminderDelay | null, };

/**
 * The two records a renegotiation leaves: the old promise closed, the new one open.
 */
export type Renegotiated = { old: Promise, new: Promise, };

/**
 * What a reopened case goes back to.
 */
export type ReopenTarget = "remedy" | "analysis";

export type Reopening = { reason: string, to: ReopenTarget, by: string, at: string, };

export type Responsibility = { party: Party, 
/**
 * Which supplier or partner, when that matters.
 */
party_name: string | null, note: string | null, by: string, at: string, };

/**
 * What [`restore`] did.
 */
export type RestoreReport = { restored_from: string, database: string, 
/**
 * Where what was replaced is kept (a copy of a whole database, or the unusable file itself
 * with its `-wal`, untouched); `None` if there was none.
 */
set_aside_as: string | null, cases: number, 
/**
 * Attachment files written back from the backup (the folder lacked them or held them changed).
 */
attachments_restored: number, 
/**
 * Attachments the restored database names whose file neither the folder nor the backup has.
 */
attachments_missing: number, };

/**
 * Whether a person acts as an agent or as a team lead.
 */
export type Role = "agent" | "lead";

export type RootCause = { category: RootCauseCategory, description: string, by: string, at: string, };

/**
 * Why it happened.
 */
export type RootCauseCategory = "process" | "communication" | "staff_conduct" | "product_defect" | "billing" | "partner" | "customer_action" | "unknown";

/**
 * One settings event as the audit trail shows it.
 */
export type SettingsChange = { at: string, 
/**
 * Who made it; empty for the settings a desk had before team mode.
 */
by: string, changes: Array<FieldChange>, 
/**
 * False for a change refused at its place in the order, or a desk's old settings that
 * came after the team had its own.
 */
applied: boolean, };

export type SlaStatus = { 
/**
 * First response is the first step after intake: solving started, or anything beyond.
 */
first_response_due: string | null, remedy_due: string | null, close_due: string | null, 
/**
 * The clocks stand still while the case waits.
 */
paused: boolean, 
/**
 * Whether the remedy was delivered by its due time; `None` while it is not delivered.
 */
remedy_met: boolean | null, 
/**
 * Whether the case was closed by its due time; `None` while it is open.
 */
close_met: boolean | null, };

/**
 * One priority's targets, in business minutes from receipt.
 */
export type SlaTarget = { first_response_minutes: number, remedy_minutes: number, close_minutes: number, };

/**
 * The desk's targets for every priority; persisted as JSON with the desk settings.
 */
export type SlaTargets = { low: SlaTarget, normal: SlaTarget, high: SlaTarget, urgent: SlaTarget, };

/**
 * Where a case is in the order of work. The order is the point: the customer's remedy comes
 * before any question of cause or blame.
 */
export type Stage = "intake" | "solving" | "remedy_agreed" | "remedy_delivered" | "root_cause" | "closed";

/**
 * The stage some imported cases start in, and why; `rows` as numbered in the file.
 */
export type StartingStage = { stage: string, why: string, rows: Array<number>, };

export type TeamBoard = { 
/**
 * This desk's code; '' on a standalone desk.
 */
this_desk: string, 
/**
 * The team's desks by code; empty on a standalone desk.
 */
desks: Array<DeskSync>, by_person: Array<PromiseGroup>, by_desk: Array<PromiseGroup>, 
/**
 * Most open cases first.
 */
workload: Array<AgentWorkload>, 
/**
 * More promises were due than the board lists.
 */
truncated: boolean, };

/**
 * How the desk's link to its team server stands.
 */
export type TeamLinkState = "connecting" | "online" | "offline";

/**
 * A desk in a team, as the header and Settings → Team show it.
 */
export type TeamView = { desk_name: string, 
/**
 * The code in this desk's references, e.g. KASSA2.
 */
desk_code: string, 
/**
 * host:port/database, never a password.
 */
server: string, link: TeamLinkState, 
/**
 * The last finished round; None before the first.
 */
last_sync_at: string | null, 
/**
 * This desk's events not yet on the server.
 */
pending: number, 
/**
 * Events kept but not applied (conflict losers a lead reviews, unreadable events).
 */
flagged: number, 
/**
 * The desk joined a team with a history: its open cases are here, older ones still arrive.
 */
history_arriving: boolean, problem: IpcError | null, };

export type Wait = { on: WaitingOn, reason: string, until: string | null, started_at: string, ended_at: string | null, };

/**
 * Who the case is waiting on. SLA clocks pause while it waits.
 */
export type WaitingOn = "customer" | "supplier";

export type WeekPromises = { 
/**
 * Monday of the ISO week, in the desk's zone.
 */
week_start: string, kept_on_time: number, kept_late: number, broken: number, };

/**
 * Opening hours for each weekday; `None` means closed.
 *
 * Saturday and Sunday hours are kept for display (a desk may staff the phone on Saturdays) but
 * never count as business time: an arkipäivä is Monday to Friday, and SLA clocks and promised
 * "business days" must mean what the customer understands by them.
 */
export type WeeklyHours = { monday: OpeningHours | null, tuesday: OpeningHours | null, wednesday: OpeningHours | null, thursday: OpeningHours | null, friday: OpeningHours | null, saturday: OpeningHours | null, sunday: OpeningHours | null, };

export const ERROR_CODES = ['autostart_failed', 'autostart_unavailable', 'backup_invalid', 'corrupt_event_log', 'database_busy', 'database_corrupt', 'database_too_new', 'database_unavailable', 'disk_full', 'file_too_large', 'import_rejected', 'internal', 'invalid_input', 'invalid_transition', 'lead_only', 'no_program_to_open', 'no_room_for_backup', 'not_found', 'not_lupaus_database', 'older_backup_not_accepted', 'pin_required', 'pin_wait', 'remedy_first', 'storage_error', 'unsupported_platform', 'who_are_you', 'wrong_pin'] as const;

export const ERROR_REASONS = ['case_closed', 'already_started', 'remedy_already_agreed', 'remedy_delivered', 'already_waiting', 'not_waiting', 'no_compensation_pending', 'nothing_to_reopen', 'already_delivered', 'declined_tell_instead', 'agreed_deliver_instead', 'agree_remedy_first', 'compensation_pending', 'compensation_not_pending', 'deliver_before_close', 'analysis_needs_closed_case', 'settle_promises_first', 'lead_decides_compensation', 'lead_closes_without_root_cause', 'lead_reopens', 'lead_restores_backup', 'lead_records_lessons', 'lead_changes_settings', 'first_person_is_lead', 'lead_only', 'lead_resolves_conflicts', 'hand_back_bounces', 'promise_already_kept', 'promise_replaced', 'promise_not_open', 'promise_withdrawn', 'told_after_due', 'open_cases_before_anonymising', 'lock_agree_and_deliver_first', 'lock_deliver_agreed_first', 'lock_tell_decline_first', 'required', 'too_long', 'unknown_choice', 'not_an_email', 'not_a_case_reference', 'promise_due_in_past', 'promise_due_too_far', 'contact_before_promise', 'told_at_out_of_range', 'new_due_unchanged', 'only_lead_role_change', 'only_lead_deactivate', 'pin_own_only', 'pin_missing', 'pin_digits_only', 'pin_length', 'promise_buffer_too_long', 'expected_date_past', 'compensation_amount_or_form', 'remedy_form_required', 'amount_not_positive', 'amount_too_large', 'already_owner', 'callback_due_in_past', 'root_cause_recorded', 'root_cause_or_reason', 'reminder_delay_out_of_range', 'too_many_reminders', 'duplicate_reminder', 'sla_target_out_of_range', 'sla_targets_shrink', 'unknown_time_zone', 'opens_after_closes', 'no_weekday_opening_hours', 'end_before_start', 'range_too_long', 'choose_person', 'owner_not_active', 'hand_off_unknown_person', 'hand_off_person_away', 'hand_off_person_absent', 'away_days_out_of_range', 'file_name_unreadable', 'file_unreadable', 'attachment_not_openable', 'attachment_file_missing', 'attachment_file_damaged', 'attachment_removed', 'attachment_not_fetched', 'attachment_fetched_damaged', 'due_text_unreadable', 'not_a_conflict', 'conflict_already_reviewed', 'due_outside_hours'] as const;

export const IMPORT_REASONS = ['not_a_date', 'unreadable_time', 'skipped_local_time', 'in_the_future', 'before_1990', 'not_an_amount', 'negative_amount', 'unknown_channel', 'unknown_priority', 'not_yes_or_no', 'unknown_basis', 'not_a_phone_number', 'excel_error', 'not_an_excel_date', 'received_empty', 'already_imported', 'duplicate_column', 'missing_column', 'file_too_large', 'binary_file', 'csv_row_unreadable', 'too_many_rows', 'file_empty', 'workbook_unreadable', 'sheet_empty', 'undecodable_cell', 'check_value'] as const;

export const IMPORT_FIELDS = ['customer', 'email', 'phone', 'customer_number', 'description', 'requested_remedy', 'channel', 'received', 'product', 'priority', 'category', 'tags', 'amount', 'claimed', 'basis', 'acknowledged', 'former_ref'] as const;
