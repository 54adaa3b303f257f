import type { ActionKind, CaseCommand, CaseDetail } from '../bindings';

/** Sends one command for the open case; resolves once the case view shows the new state. */
export type Act = (command: CaseCommand) => Promise<void>;

/** What every action form is given. */
export interface FormProps<K extends ActionKind = ActionKind> {
  detail: CaseDetail;
  /** The person at the keyboard: the default owner of what they promise. */
  person: string;
  act: Act;
  oncancel: () => void;
  kind: K;
}
