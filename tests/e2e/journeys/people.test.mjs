// Journey: on a shared desk PC the team lead has a PIN. Switching to her asks for it; a wrong PIN
// is refused with a sentence next to the field, the right one switches, and her actions name her.
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, cliBinary, eventually, screenshot, seriousAccessibilityViolations, startApp, tempDatabase } from '../harness.mjs';

test('switching to a lead with a PIN asks for it and refuses a wrong one', async () => {
  const db = tempDatabase();
  cli(db, ['person', 'add', 'Leena Lead', '--role', 'lead']);
  cli(db, ['person', 'add', 'Aino Agentti'], { person: 'Leena Lead' });
  // The PIN is read from standard input, as an administrator would type it.
  execFileSync(cliBinary, ['--db', db, '--json', '--person', 'Leena Lead', 'person', 'set-pin', 'Leena Lead'], { input: '2468\n' });
  assert.equal(cli(db, ['person', 'list']).find((p) => p.name === 'Leena Lead').has_pin, true);

  const browser = await startApp(db);
  try {
    await (await byTestId(browser, 'switch-person')).click();
    await (await byTestId(browser, 'person-choice')).selectByAttribute('value', 'Leena Lead');
    const pin = await byTestId(browser, 'person-pin');
    await pin.waitForDisplayed({ timeout: 10000 });

    await pin.setValue('1111');
    await (await browser.$('form.switch-form button[type="submit"]')).click();
    const error = await byTestId(browser, 'pin-error');
    await eventually(async () => /PIN-koodi ei ole oikea/.test(await error.getText()), 'the wrong-PIN sentence');
    assert.equal(await pin.getAttribute('aria-invalid'), 'true');
    assert.doesNotMatch(await (await byTestId(browser, 'current-person')).getText(), /Leena Lead/, 'a wrong PIN does not switch');
    await screenshot(browser, 'people-wrong-pin');

    await pin.setValue('2468');
    await (await browser.$('form.switch-form button[type="submit"]')).click();
    await eventually(async () => /Leena Lead/.test(await (await byTestId(browser, 'current-person')).getText()), 'the lead at the keyboard');

    // As the lead, the people settings offer her tools; the list shows who has a PIN.
    await (await byTestId(browser, 'nav-settings')).click();
    const people = await byTestId(browser, 'people-table');
    await people.waitForDisplayed({ timeout: 10000 });
    assert.match(await people.getText(), /Leena Lead/);
    assert.match(await people.getText(), /PIN asetettu/);
    await (await byTestId(browser, 'people-settings')).scrollIntoView();
    await screenshot(browser, 'people-settings');
    assert.deepEqual(await seriousAccessibilityViolations(browser), [], 'the settings with people pass axe-core');
  } finally {
    await browser.deleteSession();
  }
});
