// Cold start of the desktop app, from process spawn to an interactive case list: the first case
// row is in the page and a click on it opens the case. Run it through scripts/measure-cold-start.sh,
// which holds the e2e lock, starts tauri-driver and passes these variables:
//   COLD_START_DB      the database to open (it is opened as the app opens it; copy nothing)
//   COLD_START_RUNS    measured runs (default 5)
//   COLD_START_DROP    "1": drop the page cache before each run (cold); else one unmeasured warm-up
//   COLD_START_LOG_DIR where the app writes its log (XDG_DATA_HOME/lupaus/logs), for the phases
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp } from '../tests/e2e/harness.mjs';

const db = process.env.COLD_START_DB;
const runs = Number(process.env.COLD_START_RUNS ?? 5);
const cold = process.env.COLD_START_DROP === '1';
const logDir = process.env.COLD_START_LOG_DIR;
if (!db) throw new Error('Set COLD_START_DB to the database to open.');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` in the page every few milliseconds; returns ms since `from` when it first holds. */
async function whenTrue(browser, check, from, what, timeout = 60000) {
  for (;;) {
    if (await browser.execute(check)) return Date.now() - from;
    if (Date.now() - from > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** The app's log lines written since `from` (ms since the epoch), as [ms after from, message]. */
function logSince(from) {
  if (!logDir) return [];
  const lines = [];
  for (const name of readdirSync(logDir)) {
    for (const line of readFileSync(join(logDir, name), 'utf8').split('\n')) {
      const stamp = Date.parse(line.slice(0, 30).trim().split(' ')[0]);
      if (Number.isFinite(stamp) && stamp >= from) lines.push([stamp - from, line.slice(28).trim()]);
    }
  }
  return lines.sort((a, b) => a[0] - b[0]);
}

async function once() {
  if (cold) execFileSync('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches']);
  const spawned = Date.now();
  const browser = await startApp(db);
  try {
    const firstRow = await whenTrue(
      browser,
      () => document.querySelector('[data-testid="case-row"] td') !== null,
      spawned,
      'the first case row',
    );
    // The page's own clock: when its navigation began, when its script had run, and when each
    // IPC call went out and was answered (api.ts records the first calls as `ipc <command>`
    // measures: Tauri's IPC on Linux goes to the ipc:// scheme, which resource timing skips).
    const page = await browser.execute(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
      return {
        origin: performance.timeOrigin,
        responseEnd: navigation?.responseEnd ?? null,
        domInteractive: navigation?.domInteractive ?? null,
        modulesEvaluated: mark('lupaus:modules-evaluated'),
        mounted: mark('lupaus:mounted'),
        firstRowInPage: mark('lupaus:first-case-row'),
        domReady: navigation?.domContentLoadedEventEnd ?? null,
        ipc: performance
          .getEntriesByType('measure')
          .filter((entry) => entry.name.startsWith('ipc '))
          .map((entry) => [entry.name.slice(4), Math.round(entry.startTime), Math.round(entry.duration)]),
      };
    });
    const clicked = Date.now();
    // WebKit does not deliver a click on a <tr>: click its first cell.
    await (await browser.$('[data-testid="case-row"] td')).click();
    const opened = await whenTrue(
      browser,
      () => document.querySelector('[data-testid="case-view"] h2, [data-testid="case-view"] h3') !== null,
      clicked,
      'the case to open',
    );
    const navigated = Math.round(page.origin - spawned);
    const after = (ms) => (ms === null ? null : navigated + Math.round(ms));
    return {
      firstRow,
      opened,
      navigated,
      htmlLoaded: after(page.responseEnd),
      domInteractive: after(page.domInteractive),
      modulesEvaluated: after(page.modulesEvaluated),
      mounted: after(page.mounted),
      firstRowInPage: after(page.firstRowInPage),
      domReady: after(page.domReady),
      ipc: page.ipc,
      spawned,
    };
  } finally {
    await browser.deleteSession();
    // Let the app and its WebKit processes exit before the next spawn.
    await sleep(1500);
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

if (!cold) {
  const warmUp = await once();
  console.log(`warm-up (not counted): first row ${warmUp.firstRow} ms`);
}
const results = [];
for (let run = 1; run <= runs; run += 1) {
  const result = await once();
  results.push(result);
  const ipc = result.ipc.map(([name, start, took]) => `${name}@${result.navigated + start}+${took}`).join(' ');
  console.log(
    `run ${run}: first row ${result.firstRow} ms (ms after spawn: navigation began ${result.navigated}, ` +
      `HTML loaded ${result.htmlLoaded}, DOM interactive ${result.domInteractive}, ` +
      `modules evaluated ${result.modulesEvaluated}, gate mounted ${result.mounted}, DOM ready ${result.domReady}, ` +
      `first row in the page ${result.firstRowInPage}; ` +
      `IPC command@sent+took: ${ipc}); a click opened the case in ${result.opened} ms`,
  );
  for (const [at, message] of logSince(result.spawned)) console.log(`    log +${at} ms ${message}`);
}
const rows = results.map((result) => result.firstRow);
const inPage = results.map((result) => result.firstRowInPage).filter((ms) => ms !== null);
const opens = results.map((result) => result.opened);
console.log(
  `${cold ? 'cold (page cache dropped)' : 'warm'}: spawn to first case row: median ${median(rows)} ms, max ${Math.max(...rows)} ms; ` +
    `click to case open: median ${median(opens)} ms, max ${Math.max(...opens)} ms (${runs} runs, ${db})`,
);
if (inPage.length > 0) {
  console.log(`first row in the page (its own mark, before WebDriver saw it): median ${median(inPage)} ms, max ${Math.max(...inPage)} ms`);
}
