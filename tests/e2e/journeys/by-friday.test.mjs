// Journey: a phone complaint with a "we'll call you by Friday" promise, by keyboard only, typed
// at a steady 215 characters a minute (an ordinary office typist). It times the whole intake,
// from Alt+N to the saved case's notice, and checks the promise landed on Friday at closing time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, byTestId, cli, screenshot, startApp, tempDatabase } from '../harness.mjs';

const CHARS_PER_MINUTE = 215;
const KEY_INTERVAL_MS = 60_000 / CHARS_PER_MINUTE;
// The goal from issue 18: under 45 s (62 s before the due field read "pe").
const GOAL_MS = 45_000;

/** Presses each key in `keys` one after another, one every KEY_INTERVAL_MS. */
async function typeLikeAPerson(browser, keys, counter) {
  for (const key of keys) {
    const started = Date.now();
    await browser.keys(key);
    counter.keys += 1;
    const left = KEY_INTERVAL_MS - (Date.now() - started);
    if (left > 0) await new Promise((done) => setTimeout(done, left));
  }
}

const chars = (text) => [...text];

test('a phone complaint with a call-back by Friday, keyboard only, at 215 characters a minute', async () => {
  const db = tempDatabase();
  const browser = await startApp(db);
  try {
    const counter = { keys: 0 };
    const started = Date.now();
    await typeLikeAPerson(browser, [['Alt', 'n']], counter);
    await (await browser.$('input[name="customer_name"]')).waitForDisplayed({ timeout: 5000 });
    await typeLikeAPerson(browser, chars('Maija Meikäläinen'), counter);
    await typeLikeAPerson(browser, ['Tab', ...chars('040 123 4567')], counter);
    // E-mail, channel (phone is the default), product, priority: passed over.
    await typeLikeAPerson(browser, ['Tab', 'Tab', 'Tab', ...chars('Tilaus 4471'), 'Tab', 'Tab'], counter);
    await typeLikeAPerson(browser, chars('Pesukone vuotaa vettä lattialle toisella pesukerralla.'), counter);
    await typeLikeAPerson(browser, ['Tab', ...chars('Uusi kone tilalle')], counter);
    // Past "we told the customer the reference", tick "we promised a call-back", past its text.
    await typeLikeAPerson(browser, ['Tab', 'Tab', ' ', 'Tab', 'Tab'], counter);
    await typeLikeAPerson(browser, chars('pe'), counter);
    const echo = await byTestId(browser, 'due-chosen');
    await browser.waitUntil(async () => /^pe \d{1,2}\.\d{1,2}\. klo \d{1,2}\.\d{2}$/.test(await echo.getText()), {
      timeout: 5000,
      timeoutMsg: 'the due field echoes Friday',
    });
    const echoed = await echo.getText();
    // The screenshot is not part of the agent's time.
    const shot = Date.now();
    await screenshot(browser, 'intake-by-friday');
    const shotMs = Date.now() - shot;
    await typeLikeAPerson(browser, [['Control', 'Enter']], counter);
    const notice = await byTestId(browser, 'notice');
    await notice.waitForDisplayed({ timeout: 10000 });
    const elapsed = Date.now() - started - shotMs;

    const reference = (await notice.getText()).match(/R-\d{4}-\d{6}/)?.[0];
    assert.ok(reference, 'the notice names the new case');
    const [promise] = cli(db, ['promise', 'list', reference]);
    const due = new Date(promise.promise.due_at);
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', weekday: 'long' }).format(due);
    assert.equal(weekday, 'Friday', `promised by Friday: ${promise.promise.due_at} (${echoed})`);
    const report = { elapsed_ms: elapsed, keys: counter.keys, chars_per_minute: CHARS_PER_MINUTE, echoed, due_at: promise.promise.due_at };
    writeFileSync(join(artifactsDir, 'by-friday-timing.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`by-friday intake: ${(elapsed / 1000).toFixed(1)} s for ${counter.keys} keys at ${CHARS_PER_MINUTE}/min; echo "${echoed}"`);
    assert.ok(elapsed < GOAL_MS, `a phone complaint with a Friday call-back in ${elapsed} ms (goal ${GOAL_MS} ms)`);
    await screenshot(browser, 'intake-by-friday-saved');
  } finally {
    await browser.deleteSession();
  }
});
