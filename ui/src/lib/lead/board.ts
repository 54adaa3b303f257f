// The promise board's order: one group per owner, the owners with missed promises first (the
// longest missed on top), and inside each group the missed (overdue) promises first, then the
// soonest due. A missed promise is always due earlier than an open one, so ordering the groups
// by their earliest due time puts every owner with a miss above every owner without one.
import type { PromiseView } from '../bindings';

export interface OwnerGroup {
  owner: string;
  overdue: number;
  promises: PromiseView[];
}

const isOverdue = (view: PromiseView) => view.status === 'broken';
const due = (view: PromiseView) => Date.parse(view.promise.due_at);

export function groupByOwner(views: readonly PromiseView[]): OwnerGroup[] {
  const byOwner = new Map<string, PromiseView[]>();
  for (const view of views) {
    const list = byOwner.get(view.promise.owner) ?? [];
    list.push(view);
    byOwner.set(view.promise.owner, list);
  }
  const groups = [...byOwner].map(([owner, promises]) => ({
    owner,
    overdue: promises.filter(isOverdue).length,
    promises: promises.sort((a, b) => Number(isOverdue(b)) - Number(isOverdue(a)) || due(a) - due(b)),
  }));
  return groups.sort((a, b) => due(a.promises[0]) - due(b.promises[0]) || a.owner.localeCompare(b.owner, 'fi'));
}

/** The board in one line: how many are late, whose, the longest late, and how many fall due. */
export interface BoardSummary {
  overdue: number;
  /** Owners with late promises and how many, in the board's order. */
  lateOwners: { owner: string; overdue: number }[];
  /** The due time of the longest-late promise, if any. */
  longestLateDue: string | null;
  dueSoon: number;
}

export function summarise(groups: readonly OwnerGroup[]): BoardSummary {
  const all = groups.flatMap((group) => group.promises);
  const late = all.filter(isOverdue).sort((a, b) => due(a) - due(b));
  return {
    overdue: late.length,
    lateOwners: groups.filter((group) => group.overdue > 0).map(({ owner, overdue }) => ({ owner, overdue })),
    longestLateDue: late[0]?.promise.due_at ?? null,
    dueSoon: all.length - late.length,
  };
}
