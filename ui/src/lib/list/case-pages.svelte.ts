// The case list's rows, fetched a page at a time as the agent scrolls. Each page continues from
// the last row already held (the store pages by keyset), so no page is fetched twice and a
// million-case desk loads only as far as the agent scrolls.
import { asIpcError } from '../api';
import type { CaseSummary, IpcError } from '../bindings';

/** Fetches `limit` rows after `after` (null: from the top); `offset` is how many rows are held. */
export type PageFetch = (after: CaseSummary | null, offset: number, limit: number) => Promise<CaseSummary[]>;

/** Rows per fetch: a few screens' worth, well under the store's cap of 500. */
export const PAGE_SIZE = 100;
const MAX_FETCH = 500;

export class CasePages {
  // Raw: rows are replaced, never mutated; a deep proxy over thousands of rows costs for nothing.
  rows = $state.raw<CaseSummary[]>([]);
  /** The first page has arrived (until then the list says "loading"). */
  started = $state(false);
  /** The last page has arrived: there is nothing more to fetch. */
  done = $state(false);
  loading = $state(false);
  error = $state<IpcError | null>(null);
  /** Where the list was scrolled, so coming back from a case returns to the same place. */
  scrollTop = 0;

  #fetch: PageFetch = async () => [];
  /** Bumped by each new query, so a late answer to an older one is dropped. */
  #generation = 0;
  readonly #pageSize: number;

  constructor(pageSize: number = PAGE_SIZE) {
    this.#pageSize = pageSize;
  }

  /** Starts over with a new query (a view, search or order change), from the top. */
  async reset(fetch: PageFetch): Promise<void> {
    this.#fetch = fetch;
    this.#generation += 1;
    this.rows = [];
    this.started = false;
    this.done = false;
    this.loading = false;
    this.error = null;
    this.scrollTop = 0;
    await this.loadMore();
  }

  /** Fetches the next page, unless one is on its way or the end was reached. */
  async loadMore(): Promise<void> {
    if (this.loading || this.done) return;
    const generation = this.#generation;
    await this.#settle(generation, async () => {
      const page = await this.#fetch(this.rows.at(-1) ?? null, this.rows.length, this.#pageSize);
      return { rows: appendNew(this.rows, page), done: page.length < this.#pageSize };
    });
  }

  /**
   * Fetches again as many rows as are held (after coming back from a case), then swaps them in
   * at once: the list neither flickers nor loses its scroll position.
   */
  async reload(): Promise<void> {
    const wanted = Math.max(this.rows.length, this.#pageSize);
    const generation = ++this.#generation;
    await this.#settle(generation, async () => {
      let rows: CaseSummary[] = [];
      for (;;) {
        const limit = Math.min(MAX_FETCH, wanted - rows.length);
        const page = await this.#fetch(rows.at(-1) ?? null, rows.length, limit);
        rows = appendNew(rows, page);
        if (page.length < limit) return { rows, done: true };
        if (rows.length >= wanted) return { rows, done: false };
      }
    });
  }

  async #settle(generation: number, work: () => Promise<{ rows: CaseSummary[]; done: boolean }>) {
    this.loading = true;
    try {
      const result = await work();
      if (generation !== this.#generation) return;
      this.rows = result.rows;
      this.done = result.done;
      this.error = null;
    } catch (error) {
      if (generation === this.#generation) this.error = asIpcError(error);
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.started = true;
      }
    }
  }
}

/** `rows` then the rows of `page` not already among them (a row can move between pages). */
function appendNew(rows: CaseSummary[], page: CaseSummary[]): CaseSummary[] {
  const held = new Set(rows.map((row) => row.id));
  return [...rows, ...page.filter((row) => !held.has(row.id))];
}
