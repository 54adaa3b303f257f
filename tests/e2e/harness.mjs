// Shared helpers for the end-to-end journeys: start the real Lupaus binary through tauri-driver
// (which must already listen on 127.0.0.1:4444, see run.sh), save screenshots, make temp databases.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { remote } from 'webdriverio';

const here = dirname(fileURLToPath(import.meta.url));
export const artifactsDir = join(here, 'artifacts');
mkdirSync(artifactsDir, { recursive: true });

export const appBinary = resolve(process.env.LUPAUS_APP ?? join(here, '../../target/debug/lupaus'));

export const cliBinary = resolve(process.env.LUPAUS_CLI ?? join(here, '../../target/debug/lupaus-cli'));

/** Runs `lupaus-cli --db db --json args...` to prepare data; returns the parsed JSON output. */
export function cli(db, args, { person = 'Aino Agentti', now } = {}) {
  const global = ['--db', db, '--json', '--person', person, ...(now ? ['--now', now] : [])];
  const output = execFileSync(cliBinary, [...global, ...args], { encoding: 'utf8' });
  return JSON.parse(output);
}

/** Waits until `read()` returns something truthy, polling; fails with `what` after `timeout` ms. */
export async function eventually(read, what, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** A fresh directory holding a database path no other journey uses. */
export function tempDatabase() {
  return join(mkdtempSync(join(tmpdir(), 'lupaus-e2e-')), 'lupaus.db');
}

/**
 * The program WebKitWebDriver starts: the app itself, or, when a journey gives `env`, a small
 * launcher that sets those variables and then becomes the app. The app inherits the driver's
 * environment, which is shared by every journey; this one is the journey's own.
 */
function launcher(env) {
  if (!env) return appBinary;
  const quote = (text) => `'${String(text).replaceAll("'", "'\\''")}'`;
  const path = join(mkdtempSync(join(tmpdir(), 'lupaus-e2e-launch-')), 'lupaus');
  const exports = Object.entries(env).map(([name, value]) => `export ${name}=${quote(value)}`);
  writeFileSync(path, ['#!/bin/sh', ...exports, `exec ${quote(appBinary)} "$@"`, ''].join('\n'));
  chmodSync(path, 0o755);
  return path;
}

/**
 * Starts Lupaus on `db` in a real window and waits until its first screen has rendered; `env`
 * adds environment variables for this app only; `port` names another tauri-driver than
 * run.sh's (a second window, see journeys/team-windows.test.mjs).
 */
export async function startApp(db, { env, port = 4444 } = {}) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    connectionRetryCount: 0,
    capabilities: {
      // WebKitWebDriver speaks classic WebDriver only; without this WebdriverIO asks for BiDi.
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: launcher(env), args: ['--db', db] },
    },
  });
  await browser.$('h2#case-list-heading').waitForDisplayed({ timeout: 15000 });
  return browser;
}

/**
 * Saves what the display shows as artifacts/NAME.png. The shot is taken from the X server, not
 * through WebDriver: with WebKit's compositing off (webview.rs) WebKitWebDriver never answers a
 * screenshot request. Without a window manager the 1280x800 window fills the screen at 0,0.
 */
export async function screenshot(browser, name, { width, height } = {}) {
  const path = join(artifactsDir, `${name}.png`);
  await parkPointer(browser);
  await eventually(async () => (await windowsOverThePage()).length === 0, 'no tooltip or popup over the page', 3000).catch(async () => {
    await promisify(execFile)('import', ['-window', 'root', join(artifactsDir, `${name}-covered.png`)]);
    throw new Error(`a window lies over the page in ${name}: ${JSON.stringify(await windowsOverThePage())}`);
  });
  await painted(browser);
  // A window made smaller (1024x640) still sits at 0,0: crop the screen to it.
  const crop = width && height ? ['-crop', `${width}x${height}+0+0`, '+repage'] : [];
  await promisify(execFile)('import', ['-window', 'root', ...crop, path]);
  return path;
}

/**
 * The app's own windows drawn over its main window (a GTK tooltip, an open popup), as the X
 * server sees them: shown, larger than the 16 px tray icon, and not the main window itself.
 */
export async function windowsOverThePage() {
  const run = promisify(execFile);
  const { stdout } = await run('xwininfo', ['-root', '-children']);
  const windows = [...stdout.matchAll(/^\s+(0x[0-9a-f]+) "([^"]*)": \("([^"]*)"/gm)].filter(([, , name, instance]) => instance === 'lupaus' && name !== 'Lupaus');
  const shown = [];
  for (const [, id, name] of windows) {
    const info = (await run('xwininfo', ['-id', id])).stdout;
    const size = (label) => Number(new RegExp(`${label}: (\\d+)`).exec(info)?.[1] ?? 0);
    if (/Map State: IsViewable/.test(info) && size('Width') > 16 && size('Height') > 16) shown.push({ id, name, width: size('Width'), height: size('Height') });
  }
  return shown;
}

/**
 * Moves WebDriver's pointer off whatever the journey last clicked, onto the window's top-left
 * corner (the app's title, which has no tooltip and no hover style): GTK draws a `title`
 * tooltip where the pointer rests, above the page, and it would land in the screenshot.
 */
export async function parkPointer(browser) {
  await browser.action('pointer', { parameters: { pointerType: 'mouse' } }).move({ x: 2, y: 2, origin: 'viewport', duration: 0 }).perform();
  await browser.releaseActions();
  // GTK hides the tooltip on the motion; give it a moment to unmap the tooltip's window.
  await new Promise((done) => setTimeout(done, 150));
}

/**
 * Waits until the page has painted what the journey just did: two animation frames (the second
 * starts after the first one's paint), or half a second if the page sends no frames.
 */
export async function painted(browser) {
  await browser.executeAsync((done) => {
    const fallback = setTimeout(done, 500);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(fallback);
        done();
      }),
    );
  });
  // GTK copies the painted page to the X window on its own next frame.
  await new Promise((done) => setTimeout(done, 100));
}

export const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

/**
 * Answers the OS's own file dialog (GTK's, opened by the Rust side) as a person would: waits for
 * the window titled `title` (a regular expression), gives it the keyboard, opens the location
 * field (Ctrl+L), types `path` and presses Enter. Needs xdotool (scripts/install-deps.sh); with no
 * window manager under Xvfb the focus is set on the dialog directly.
 */
export async function answerFileDialog(title, path, { save = false } = {}) {
  // xdotool types non-ASCII letters (Sören) only under a UTF-8 locale.
  const run = (command, args) => promisify(execFile)(command, args, { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  const found = await run('timeout', ['20', 'xdotool', 'search', '--sync', '--onlyvisible', '--name', title]);
  const dialog = found.stdout.trim().split('\n').at(-1);
  await run('xdotool', ['windowfocus', '--sync', dialog]);
  // GTK builds the dialog's widgets after it maps the window.
  await new Promise((done) => setTimeout(done, 1500));
  // The keys below go to whatever has the focus: on a busy machine the app's window may take it
  // back while the dialog builds, so make sure the dialog holds it before typing.
  for (let tries = 0; tries < 5; tries += 1) {
    const focused = (await run('xdotool', ['getwindowfocus'])).stdout.trim();
    if (focused === dialog) break;
    await run('xdotool', ['windowactivate', '--sync', dialog]).catch(() => run('xdotool', ['windowfocus', '--sync', dialog]));
    await new Promise((done) => setTimeout(done, 500));
  }
  // A save dialog has its name field focused; an open or folder dialog gets one with Ctrl+L.
  // Keys go through XTEST to the focused dialog (GTK ignores synthetic events sent to a window).
  await run('xdotool', ['key', '--clearmodifiers', save ? 'ctrl+a' : 'ctrl+l']);
  await new Promise((done) => setTimeout(done, 300));
  await run('xdotool', ['type', '--delay', '15', path]);
  await new Promise((done) => setTimeout(done, 300));
  await run('xdotool', ['key', 'Return']);
  // A folder dialog may take the first Enter to go into the folder and the next to choose it; a
  // busy machine may take a while to close the dialog.
  for (let tries = 0; tries < 8; tries += 1) {
    await new Promise((done) => setTimeout(done, 1000));
    const open = await run('xdotool', ['search', '--onlyvisible', '--name', title]).then(
      () => true,
      () => false,
    );
    if (!open) return;
    if (tries % 3 === 1) {
      await run('import', ['-window', 'root', join(artifactsDir, `file-dialog-still-open-${tries}.png`)]);
      await run('xdotool', ['key', 'Return']);
    }
  }
}

/**
 * Drags the file at `path` from outside the app and drops it on the screen point `to` (the
 * window sits at 0,0, so a page point is a screen point), as a person drags from a file manager.
 * drag-source.py shows the file in a small GTK window in the screen's bottom-right corner and
 * offers it over X11's XDND protocol; xdotool presses the real mouse on it, moves onto the app in
 * steps (GTK starts a drag after a few pixels and sends positions on each motion) and lets go.
 * WebDriver cannot do this: its pointer stays inside the page. Resolves once the source has
 * seen the drop accepted; throws if the app refused it.
 */
export async function dropFile(path, to) {
  const from = { x: 1180, y: 760 };
  const source = spawn('/usr/bin/python3', [join(here, 'drag-source.py'), path, String(from.x - 90), String(from.y - 30)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // GTK warns under run.sh's fi_FI, which this machine may not have compiled.
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });
  let output = '';
  source.stdout.setEncoding('utf8').on('data', (text) => (output += text));
  const said = () => output.split('\n');
  const exited = new Promise((done) => source.on('exit', done));
  const xdotool = (...args) => promisify(execFile)('xdotool', args);
  try {
    await eventually(() => said().includes('ready'), 'the file to drag on the screen', 10000);
    await xdotool('mousemove', '--sync', String(from.x), String(from.y));
    await xdotool('mousedown', '1');
    const steps = 12;
    for (let step = 1; step <= steps; step += 1) {
      const x = Math.round(from.x + ((to.x - from.x) * step) / steps);
      const y = Math.round(from.y + ((to.y - from.y) * step) / steps);
      await xdotool('mousemove', String(x), String(y));
      await new Promise((done) => setTimeout(done, 50));
    }
    // The target answers the last position (XdndStatus) before it may take the drop.
    await new Promise((done) => setTimeout(done, 300));
    await xdotool('mouseup', '1');
    const end = await eventually(() => said().find((line) => line === 'dropped' || line.startsWith('failed')), 'the drop to end', 10000);
    if (end !== 'dropped') throw new Error(`dropping ${path}: ${end}`);
    await exited;
  } finally {
    source.kill();
  }
}

/** Switches the person at the keyboard to `name` (someone without a PIN) and waits until it shows. */
export async function switchPerson(browser, name) {
  await (await byTestId(browser, 'switch-person')).click();
  await (await byTestId(browser, 'person-choice')).selectByAttribute('value', name);
  await (await browser.$('form.switch-form button[type="submit"]')).click();
  await eventually(async () => (await (await byTestId(browser, 'current-person')).getText()).includes(name), `${name} at the keyboard`);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the window and returns the serious and critical violations. */
export async function seriousAccessibilityViolations(browser) {
  await browser.execute(axeSource);
  const violations = await browser.executeAsync((done) => {
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }).then(
      (result) => done(result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }))),
      (error) => done([{ id: 'axe-error', impact: 'critical', nodes: 0, help: String(error) }]),
    );
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
