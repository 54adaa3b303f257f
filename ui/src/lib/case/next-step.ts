// The one obvious next step for a case, from what the back end says is allowed now.
import type { ActionKind, CaseDetail, Stage } from '../bindings';

/** In each stage, the steps that move the case on, most natural first. */
const PREFERENCE: Record<Stage, readonly ActionKind[]> = {
  intake: ['start_solving', 'agree_remedy'],
  solving: ['resume', 'agree_remedy'],
  remedy_agreed: ['approve_compensation', 'deliver_remedy', 'communicate_decline'],
  remedy_delivered: ['record_root_cause', 'close'],
  root_cause: ['close'],
  closed: ['reopen'],
};

export function nextStep(detail: CaseDetail): ActionKind | null {
  const allowed = new Set(detail.allowed_actions);
  return PREFERENCE[detail.state.stage].find((kind) => allowed.has(kind)) ?? null;
}

/** Root cause, responsibility, cost and corrective actions: shown in their own section. */
export type BlameKind = 'record_root_cause' | 'assign_responsibility' | 'record_cost' | 'add_corrective_action';
const BLAME_SIDE: readonly ActionKind[] = ['record_root_cause', 'assign_responsibility', 'record_cost', 'add_corrective_action'];

export function isBlameSide(kind: ActionKind | null): kind is BlameKind {
  return kind !== null && BLAME_SIDE.includes(kind);
}
