import type { ActionKind, CaseCommand, CaseDetail } from '../bindings';

/** Sends one command for the open case; resolves once the case view shows the new state.
 *  `awayConfirmed`: the sender saw that the hand-off's receiver is deactivated and goes on. */
export type Act = (command: CaseCommand, awayConfirmed?: boolean) => Promise<void>;

/** What every action form is given. */
export interface FormProps<K extends ActionKind = ActionKind> {
  detail: CaseDetail;
  /** The person at the keyboard: the default owner of what they promise. */
  person: string;
  act: Act;
  oncancel: () => void;
  kind: K;
}
