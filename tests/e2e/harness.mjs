// Shared helpers for the end-to-end journeys: start the real Lupaus binary through tauri-driver
// (which must already listen on 127.0.0.1:4444, see run.sh), save screenshots, make temp databases.
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = dirname(fileURLToPath(import.meta.url));
export const artifactsDir = join(here, 'artifacts');
mkdirSync(artifactsDir, { recursive: true });

export const appBinary = resolve(process.env.LUPAUS_APP ?? join(here, '../../target/debug/lupaus'));

/** A fresh directory holding a database path no other journey uses. */
export function tempDatabase() {
  return join(mkdtempSync(join(tmpdir(), 'lupaus-e2e-')), 'lupaus.db');
}

/** Starts Lupaus on `db` in a real window and waits until its first screen has rendered. */
export async function startApp(db) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    logLevel: 'warn',
    connectionRetryCount: 0,
    capabilities: {
      // WebKitWebDriver speaks classic WebDriver only; without this WebdriverIO asks for BiDi.
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: appBinary, args: ['--db', db] },
    },
  });
  await browser.$('h2#case-list-heading').waitForDisplayed({ timeout: 15000 });
  return browser;
}

export async function screenshot(browser, name) {
  const path = join(artifactsDir, `${name}.png`);
  await browser.saveScreenshot(path);
  return path;
}

export const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);
