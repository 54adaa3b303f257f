// Realistic records for UI tests: one case in any stage, and promises on it. The shapes are the
// generated bindings', so a change in Rust breaks these at type check.
import type { ActionKind, CaseDetail, NewCase, Promise as StoredPromise, PromiseStatus, PromiseView, Stage } from '../lib/bindings';

export const NOW = '2026-11-23T10:00:00Z';

export const intake: NewCase = {
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

/** The reason keys of `LOCKS`, as the back end sends them alongside. */
const LOCK_REASONS: Record<Stage, string | undefined> = {
  intake: 'lock_agree_and_deliver_first',
  solving: 'lock_agree_and_deliver_first',
  remedy_agreed: 'lock_deliver_agreed_first',
  remedy_delivered: undefined,
  root_cause: undefined,
  closed: 'case_closed',
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
      next_promise_soon_from: null,
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
    root_cause_lock_reason: LOCK_REASONS[stage],
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
    conflict_losers: [],
    conflict_reviews: [],
    promise_conflicts: [],
    event_desks: [],
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

