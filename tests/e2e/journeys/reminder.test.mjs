// Journey: a promise comes due while Lupaus is open, and the in-app reminder says it is late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, eventually, screenshot, startApp, tempDatabase } from '../harness.mjs';

test('a promise becomes due and the in-app reminder appears', async () => {
  const db = tempDatabase();
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const created = cli(
    db,
    ['case', 'create', '--customer', 'Helmi Laine', '--description', 'Sohva väärän värinen', '--requested-remedy', 'Oikea sohva'],
    { now: hourAgo },
  );
  const due = new Date(Date.now() + 20_000).toISOString();
  cli(db, ['promise', 'make', created.reference, '--text', 'Soitamme ja kerromme toimituspäivän', '--due', due, '--outside-hours'], { now: hourAgo });

  const browser = await startApp(db);
  try {
    const banner = await byTestId(browser, 'reminders');
    await banner.waitForDisplayed({ timeout: 10000 });
    assert.match(await banner.getText(), /Helmi Laine/, 'a promise due soon is listed');
    await eventually(
      async () => /myöhässä/i.test(await (await byTestId(browser, 'reminder')).getText()),
      'the reminder to say the promise is late',
      60000,
    );
    // The case list reads the same minute as the banner: it must not still say "due now".
    const listSays = await browser.execute(() => document.querySelector('[data-testid="closeness"]').textContent.trim());
    assert.match(listSays, /myöhässä/, `the case list agrees the promise is late: ${listSays}`);
    await screenshot(browser, 'reminder-overdue');
    await (await byTestId(browser, 'reminder')).click();
    await (await byTestId(browser, 'case-view')).waitForDisplayed({ timeout: 10000 });
    assert.match(await (await byTestId(browser, 'case-heading')).getText(), new RegExp(created.reference));
  } finally {
    await browser.deleteSession();
  }
});
