// The timeline in words: every event of the case log and every promise record, oldest first.
import type { CaseDetail, CaseEvent, Conflict, EventRecord, PromiseView, Remedy } from '../bindings';
import { formatDateTime, formatEuros, label, translate, type Language, type MessageKey } from '../i18n';

export type Tone = 'event' | 'internal' | 'customer_visible' | 'promise' | 'promise_broken';

export interface TimelineEntry {
  at: string;
  who: string;
  title: string;
  /** Texts as people typed them, each shown as its own line (never as markup). */
  details: string[];
  stageChange: string | null;
  tone: Tone;
  /** The losing side of a team conflict: kept and shown, not applied, for a lead to review. */
  conflict: boolean;
  /** A conflict's losing side a lead has resolved: still not applied, no longer waiting. */
  reviewedBy: string | null;
  /** The desk that recorded it, on a team desk ('' otherwise): its clock gave `at`. */
  desk: string;
}

type Words = (key: MessageKey, values?: Record<string, string>) => string;

/**
 * The case log stays in the order the back end gives: on a team desk the team's canonical
 * order, which desk clocks never change (a desk hours off shows its own times, in place). The
 * promise records, by time, are merged in around it without moving a case event; at equal times
 * the case event comes first.
 */
export function timeline(language: Language, detail: CaseDetail): TimelineEntry[] {
  const reviews = new Map(detail.conflict_reviews.map((review) => [review.position, review.by]));
  const events = detail.events.map((record, index) => {
    const reviewedBy = reviews.get(index) ?? null;
    const losing = detail.conflict_losers.includes(index) && reviewedBy === null;
    return { ...fromEvent(language, record, losing, detail.event_desks[index] ?? ''), reviewedBy };
  });
  // A promise made by a renegotiation that lost is shown only as that conflict.
  const lostPromises = new Set(detail.promise_conflicts.filter((c) => c.kind === 'made').map((c) => c.promise?.id));
  const promises = [
    ...detail.promises.filter((view) => !lostPromises.has(view.promise.id)).flatMap((view) => fromPromise(language, view)),
    ...detail.promise_conflicts.map((lost) => fromPromiseConflict(language, lost)),
  ]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
  const merged: TimelineEntry[] = [];
  let next = 0;
  for (const event of events) {
    while (next < promises.length && Date.parse(promises[next].at) < Date.parse(event.at)) merged.push(promises[next++]);
    merged.push(event);
  }
  return [...merged, ...promises.slice(next)];
}

function fromEvent(language: Language, record: EventRecord, conflict: boolean, desk: string): TimelineEntry {
  const t: Words = (key, values) => translate(language, key, values);
  const stage = (value: string) => label(language, 'stage', value);
  const { title, details, tone } = describe(language, t, record.event);
  return {
    at: record.at,
    who: record.actor.person,
    title,
    details: details.filter((line): line is string => !!line && line.trim() !== ''),
    stageChange:
      record.stage_before === record.stage_after
        ? null
        : t('timeline.stage_change', { from: stage(record.stage_before), to: stage(record.stage_after) }),
    tone,
    conflict,
    reviewedBy: null,
    desk,
  };
}

type Described = { title: string; details: (string | null | false)[]; tone: Tone };

function describe(language: Language, t: Words, event: CaseEvent): Described {
  const word = (prefix: string, value: string) => label(language, prefix, value);
  // Timeline lines are statements of their own, never a form's question with the answer glued on.
  const stated = (key: MessageKey, name: string, value: string | null) => (value ? t(key, { [name]: value }) : null);
  const remedy = (r: Remedy) => [r.forms.map((form) => word('remedy_form', form)).join(', '), r.description];
  const time = (iso: string | null) => (iso ? formatDateTime(language, iso) : '');
  const plain = (details: Described['details'] = []): Described => ({ title: t(`event.${event.kind}`), details, tone: 'event' });
  switch (event.kind) {
    case 'opened':
      return plain([event.intake.description, stated('timeline.requested_remedy', 'text', event.intake.requested_remedy)]);
    case 'solving_started':
      return plain();
    case 'remedy_option_proposed':
    case 'remedy_agreed':
      return plain(remedy(event.remedy));
    case 'wait_started':
      return plain([
        stated('timeline.waiting_on', 'who', word('waiting_on', event.on)),
        event.reason,
        event.until && t('timeline.until', { time: time(event.until) }),
      ]);
    case 'wait_ended':
      return plain([event.automatic && t('timeline.automatic'), event.note]);
    case 'complaint_declined':
      return plain([stated('timeline.decline_basis', 'basis', word('decline_basis', event.basis)), event.explanation]);
    case 'remedy_delivered':
      return plain([event.summary, stated('timeline.informed_via', 'channel', word('channel', event.informed_via))]);
    case 'decline_communicated':
      return plain([stated('timeline.informed_via', 'channel', word('channel', event.informed_via)), event.note]);
    case 'compensation_proposed':
      return plain([
        t('comp.label', { number: String(event.compensation_id + 1) }),
        event.amount_cents !== null && formatEuros(language, event.amount_cents),
        event.form,
        stated('timeline.compensation_basis', 'basis', word('compensation_basis', event.basis)),
        event.note,
        event.needs_lead_approval && t('timeline.needs_approval'),
      ]);
    case 'compensation_approved':
      return plain([t('comp.label', { number: String(event.compensation_id + 1) }), event.note]);
    case 'compensation_rejected':
      return plain([t('comp.label', { number: String(event.compensation_id + 1) }), event.reason]);
    case 'handed_off':
      return {
        title: t('event.handed_off', { from: event.from, to: event.to }),
        details: [
          event.note,
          stated('timeline.customer_told', 'text', event.customer_told),
          event.callback && t('timeline.callback', { due: time(event.callback.due_at) }),
        ],
        tone: 'event',
      };
    case 'note_added':
      return { ...plain([word('visibility', event.visibility), event.text]), tone: event.visibility };
    case 'contact_recorded':
      return plain([word('direction', event.direction), word('channel', event.channel), event.summary]);
    case 'root_cause_recorded':
      return plain([word('root_cause', event.category), event.description]);
    case 'responsibility_assigned':
      return plain([word('party', event.party), event.party_name, event.note]);
    case 'cost_recorded':
      return plain([
        t(`blame.cost_line.${event.borne_by}`, { amount: formatEuros(language, event.amount_cents) }),
        event.description,
      ]);
    case 'corrective_action_added':
      return plain([
        word('measure', event.measure),
        event.description,
        t('blame.action_owner', { owner: event.owner, due: event.due ? time(event.due) : t('blame.no_due') }),
      ]);
    case 'closed':
      return plain([
        stated('timeline.closing_gesture', 'text', event.closing_gesture),
        stated('timeline.lessons_learned', 'text', event.lessons_learned),
        stated('timeline.not_analysed_reason', 'text', event.not_analysed_reason),
      ]);
    case 'reopened':
      return plain([stated('timeline.reopen_to', 'stage', word('reopen_to', event.to)), event.reason]);
  }
}

function fromPromise(language: Language, view: PromiseView): TimelineEntry[] {
  const t: Words = (key, values) => translate(language, key, values);
  const { promise, status } = view;
  const entry = (at: string, who: string, title: string, details: string[], tone: Tone): TimelineEntry => ({
    at,
    who,
    title,
    details,
    stageChange: null,
    tone,
    conflict: false,
    reviewedBy: null,
    desk: '',
  });
  const made = entry(
    promise.made_at,
    promise.made_by,
    t('event.promise_made', { due: formatDateTime(language, promise.due_at) }),
    [promise.text, label(language, 'promise_channel', promise.channel), t('promises.owner_line', { owner: promise.owner })],
    'promise',
  );
  const state = promise.state;
  switch (state.kind) {
    case 'kept': {
      const key = status === 'kept_late' ? 'event.promise_kept_late' : 'event.promise_kept';
      // The promise record does not say who recorded the keeping, so no name is shown.
      return [made, entry(state.at, '', t(key), [state.outcome], 'promise')];
    }
    case 'renegotiated': {
      const due = formatDateTime(language, state.new_due_at);
      return [made, entry(state.at, '', t('event.promise_renegotiated', { due }), [promise.text], 'promise')];
    }
    case 'withdrawn':
      return [made, entry(state.at, state.by, t('event.promise_withdrawn'), [state.reason], 'promise')];
    case 'open':
      return status === 'broken'
        ? [made, entry(promise.due_at, t('timeline.system'), t('event.promise_broken'), [promise.text], 'promise_broken')]
        : [made];
  }
}

/** What a losing promise change would have done, in words (also the lead's review list). */
export function promiseChangeTitle(language: Language, lost: Conflict): string {
  const t: Words = (key, values) => translate(language, key, values);
  const state = lost.promise?.state;
  if (lost.kind === 'made' || !state) return t('event.promise_made', { due: lost.promise ? formatDateTime(language, lost.promise.due_at) : '' });
  switch (state.kind) {
    case 'kept':
      return t('event.promise_kept');
    case 'renegotiated':
      return t('event.promise_renegotiated', { due: formatDateTime(language, state.new_due_at) });
    case 'withdrawn':
      return t('event.promise_withdrawn');
    case 'open':
      return t('conflicts.promise_changed');
  }
}

/** A promise change that lost a team conflict: struck through, with its review once resolved. */
function fromPromiseConflict(language: Language, lost: Conflict): TimelineEntry {
  return {
    at: lost.at,
    who: lost.actor,
    title: promiseChangeTitle(language, lost),
    details: lost.promise ? [lost.promise.text] : [],
    stageChange: null,
    tone: 'promise',
    conflict: lost.review === null,
    reviewedBy: lost.review?.by ?? null,
    desk: '',
  };
}

/** An event's title as the timeline shows it (the lead's review list names losers with it). */
export function eventTitle(language: Language, record: EventRecord): string {
  return describe(language, (key, values) => translate(language, key, values), record.event).title;
}
