// Every value of the back-end enums the case view offers, in the order the desk reads them.
import type {
  Channel,
  CompensationBasis,
  ContactDirection,
  DeclineBasis,
  MeasureKind,
  NoteVisibility,
  Party,
  PromiseChannel,
  RemedyForm,
  ReopenTarget,
  RootCauseCategory,
  Stage,
  WaitingOn,
} from '../bindings';

export const STAGES: readonly Stage[] = ['intake', 'solving', 'remedy_agreed', 'remedy_delivered', 'root_cause', 'closed'];
export const CHANNELS: readonly Channel[] = ['phone', 'counter', 'email', 'chat', 'web_form', 'letter'];
export const PROMISE_CHANNELS: readonly PromiseChannel[] = ['call', 'email', 'sms', 'letter', 'visit'];
export const REMEDY_FORMS: readonly RemedyForm[] = [
  'repair',
  'replacement',
  'refund',
  'discount',
  'apology',
  'explanation',
  'goodwill_gesture',
];
export const DECLINE_BASES: readonly DeclineBasis[] = ['contract', 'warranty_terms', 'consumer_law'];
export const COMPENSATION_BASES: readonly CompensationBasis[] = ['contract', 'consumer_law', 'warranty', 'goodwill'];
export const ROOT_CAUSES: readonly RootCauseCategory[] = [
  'process',
  'communication',
  'staff_conduct',
  'product_defect',
  'billing',
  'partner',
  'customer_action',
  'unknown',
];
export const PARTIES: readonly Party[] = ['us', 'supplier', 'customer', 'shared'];
export const WAITING_ON: readonly WaitingOn[] = ['customer', 'supplier'];
export const VISIBILITIES: readonly NoteVisibility[] = ['internal', 'customer_visible'];
export const DIRECTIONS: readonly ContactDirection[] = ['inbound', 'outbound'];
export const MEASURES: readonly MeasureKind[] = ['corrective', 'preventive'];
export const REOPEN_TARGETS: readonly ReopenTarget[] = ['remedy', 'analysis'];
