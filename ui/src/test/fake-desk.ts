// A small in-memory back end for UI tests: one case, its promises, and the same command names,
// argument keys and result shapes as the Rust commands.
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  ActionKind,
  CaseCommand,
  CaseDetail,
  CaseEvent,
  IpcError,
  NewCase,
  NewPromise,
  Promise as StoredPromise,
  PromiseStatus,
  PromiseView,
  Stage,
} from '../lib/bindings';

export const NOW = '2026-11-23T10:00:00Z';

const intake: NewCase = {
  channel: 'phone',
  customer: { name: 'Maija Meikäläinen', email: 'maija@example.fi', phone: '040 123 4567', customer_number: null },
  product_ref: 'Tilaus 4471',
  description: 'Pesukone vuotaa, vaikka se asennettiin viime viikolla. <img src=x onerror=alert(1)>',
  requested_remedy: 'Korjaus tai uusi kone',
  priority: 'high',
  category: null,
  tags: [],
  acknowledged: true,
};

const common: ActionKind[] = ['hand_off', 'add_note', 'record_contact'];
const blame: ActionKind[] = ['record_root_cause', 'assign_responsibility', 'record_cost', 'add_corrective_action'];

/** What an agent may do in each stage, as the back end's gate computes it. */
const ALLOWED: Record<Stage, ActionKind[]> = {
  intake: ['start_solving', 'propose_remedy_option', 'wait_for', 'agree_remedy', 'decline_complaint', 'propose_compensation', ...common],
  solving: ['propose_remedy_option', 'wait_for', 'agree_remedy', 'decline_complaint', 'propose_compensation', ...common],
  remedy_agreed: ['wait_for', 'agree_remedy', 'decline_complaint', 'deliver_remedy', 'propose_compensation', ...common],
  remedy_delivered: ['wait_for', 'propose_compensation', ...common, ...blame],
  root_cause: ['wait_for', 'propose_compensation', ...common, ...blame, 'close'],
  closed: ['add_note', 'record_contact'],
};

const after = 'root cause and responsibility come after.';
const LOCKS: Record<Stage, string | null> = {
  intake: `Agree and deliver the customer's remedy first; ${after}`,
  solving: `Agree and deliver the customer's remedy first; ${after}`,
  remedy_agreed: `Deliver the agreed remedy and tell the customer first; ${after}`,
  remedy_delivered: null,
  root_cause: null,
  closed: 'The case is closed; a lead can reopen it.',
};

/** A realistic `CaseDetail` for case 1 in `stage`, as an agent sees it. */
export function caseDetail(stage: Stage, promises: PromiseView[] = []): CaseDetail {
  const opened = { at: '2026-11-23T08:00:00Z', actor: { person: 'Aino', role: 'agent' as const }, stage_before: 'intake' as const, stage_after: 'intake' as const, event: { kind: 'opened' as const, intake } };
  return {
    summary: {
      id: 1,
      reference: 'R-2026-000001',
      received_at: '2026-11-23T08:00:00Z',
      customer_name: intake.customer.name,
      channel: 'phone',
      priority: 'high',
      stage,
      owner: 'Aino',
      summary: intake.description,
      next_promise_due: null,
    },
    customer: { id: 7, name: intake.customer.name, email: intake.customer.email, phone: intake.customer.phone, customer_number: null, case_count: 3 },
    state: {
      stage,
      intake,
      received_at: '2026-11-23T08:00:00Z',
      owner: 'Aino',
      last_event_at: '2026-11-23T08:00:00Z',
      remedy_options: [],
      agreed_remedy: null,
      decline: null,
      delivery: null,
      analysis: { root_cause: null, responsibility: null, costs: [], actions: [] },
      compensations: [],
      notes: [],
      contacts: [],
      hand_offs: [],
      waiting: null,
      waits: [],
      closing: null,
      reopenings: [],
    },
    allowed_actions: ALLOWED[stage],
    root_cause_lock: LOCKS[stage],
    sla: {
      first_response_due: '2026-11-23T10:00:00Z',
      remedy_due: '2026-11-25T14:00:00Z',
      close_due: '2026-12-04T14:00:00Z',
      paused: false,
      remedy_met: null,
      close_met: null,
    },
    attachments: [],
    figures: {
      first_contact_resolution: false,
      time_to_remedy_seconds: null,
      active_time_to_remedy_seconds: null,
      time_to_close_seconds: null,
      time_waiting_seconds: 0,
      customer_contacts: 1,
      hand_offs: 0,
      reopenings: 0,
    },
    events: [opened],
    promises,
  };
}

export function promiseView(id: number, dueAt: string, status: PromiseStatus, text: string, caseId = 1): PromiseView {
  const promise: StoredPromise = {
    id,
    case_id: caseId,
    text,
    channel: 'call',
    due_at: dueAt,
    owner: 'Aino',
    made_by: 'Aino',
    made_at: '2026-11-23T08:05:00Z',
    replaces: null,
    state: { kind: 'open' },
  };
  return { promise, status, case_reference: `R-2026-${String(caseId).padStart(6, '0')}`, customer_name: 'Maija Meikäläinen' };
}

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
}

export function fakeDesk(stage: Stage = 'intake', locale = 'en-US'): FakeDesk {
  const desk: FakeDesk = { detail: caseDetail(stage), due: [], calls: [], failNextAct: null };
  let nextPromiseId = 100;
  mockIPC(
    (command, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      desk.calls.push({ command, args });
      switch (command) {
        case 'app_info':
          return { version: '0.1.0', db_path: '/tmp/test.db', locale, person: 'Aino' };
        case 'list_cases':
          return [desk.detail.summary];
        case 'get_case':
          if (args.caseId !== 1) throw { code: 'not_found', message: `There is no case ${String(args.caseId)}.`, field: null };
          return desk.detail;
        case 'act_on_case': {
          if (desk.failNextAct) {
            const error = desk.failNextAct;
            desk.failNextAct = null;
            throw error;
          }
          desk.detail = apply(desk.detail, args.command as CaseCommand);
          return desk.detail;
        }
        case 'suggest_due': {
          const within = args.within as { hours?: number; days?: number };
          return within.days === 1 ? '2026-11-24T08:00:00Z' : within.days === 2 ? '2026-11-25T08:00:00Z' : '2026-11-23T14:00:00Z';
        }
        case 'make_promise': {
          const made = args.promise as NewPromise;
          const view = promiseView(nextPromiseId++, made.due_at, 'open', made.text);
          view.promise.channel = made.channel;
          view.promise.owner = made.owner;
          desk.detail = { ...desk.detail, promises: [...desk.detail.promises, view] };
          return view.promise;
        }
        case 'due_promises':
          return desk.due;
        case 'find_customers':
          return [];
        default:
          throw { code: 'internal', message: `unexpected command ${command}`, field: null };
      }
    },
    { shouldMockEvents: true },
  );
  return desk;
}
