// Journey: an agent carries a complaint from intake to closed in the case view. Root cause and
// responsibility are locked, with the reason shown, until the remedy is delivered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, eventually, screenshot, seriousAccessibilityViolations, startApp, tempDatabase } from '../harness.mjs';

async function stageText(browser) {
  return (await byTestId(browser, 'stage-now')).getText();
}

async function waitForStage(browser, words) {
  await eventually(async () => words.test(await stageText(browser)), `stage ${words}`);
}

async function submitForm(browser, kind) {
  await (await browser.$(`form[data-testid="form-${kind}"] button[type="submit"]`)).click();
  await eventually(async () => !(await browser.$(`form[data-testid="form-${kind}"]`).isExisting()), `form ${kind} to close`);
}

test('intake to closed, remedy first, and it survives a restart', async () => {
  const db = tempDatabase();
  cli(db, [
    'case', 'create', '--customer', 'Matti Virtanen', '--channel', 'phone',
    '--description', 'Laskulla on kaksi kertaa sama toimitusmaksu.', '--requested-remedy', 'Virheellinen maksu hyvitetään',
  ]);
  let browser = await startApp(db);
  try {
    await (await browser.$('[data-testid="case-row"] td')).click();
    await (await byTestId(browser, 'case-view')).waitForDisplayed({ timeout: 10000 });
    await waitForStage(browser, /Vastaanotettu/);

    // Before the remedy: the blame side is locked and says why; nothing there can be used.
    const lock = await byTestId(browser, 'lock-reason');
    assert.ok(await lock.isDisplayed(), 'the lock reason is shown');
    assert.ok((await lock.getText()).length > 10);
    assert.equal(await (await browser.$('[data-testid="blame-section"] fieldset')).getAttribute('disabled'), 'true');
    assert.equal(await (await byTestId(browser, 'action-record_root_cause')).isExisting(), false);
    await screenshot(browser, 'case-root-cause-locked');
    assert.deepEqual(await seriousAccessibilityViolations(browser), [], 'the case view passes axe-core');

    await (await byTestId(browser, 'next-step')).click(); // start solving
    await waitForStage(browser, /Ratkaistaan/);

    await (await byTestId(browser, 'next-step')).click(); // agree remedy
    await (await browser.$('form[data-testid="form-agree_remedy"] input[value="refund"]')).click();
    await (await browser.$('form[data-testid="form-agree_remedy"] textarea')).setValue('Toimitusmaksu 9,90 € hyvitetään tilille');
    await submitForm(browser, 'agree_remedy');
    await waitForStage(browser, /Hyvitys sovittu|sovittu/i);

    await (await byTestId(browser, 'next-step')).click(); // deliver remedy
    await (await browser.$('form[data-testid="form-deliver_remedy"] textarea')).setValue('Hyvitys maksettu, asiakkaalle soitettu');
    await submitForm(browser, 'deliver_remedy');
    await waitForStage(browser, /toimitettu/i);
    assert.equal(await (await byTestId(browser, 'lock-reason')).isExisting(), false, 'unlocked after delivery');

    await (await byTestId(browser, 'next-step')).click(); // root cause
    await (await browser.$('form[data-testid="form-record_root_cause"] select')).selectByAttribute('value', 'billing');
    await (await browser.$('form[data-testid="form-record_root_cause"] textarea')).setValue('Kassajärjestelmä laskutti toimitusmaksun kahdesti');
    await submitForm(browser, 'record_root_cause');
    await waitForStage(browser, /Juurisyy/);

    await (await byTestId(browser, 'next-step')).click(); // close
    await (await browser.$('form[data-testid="form-close"] textarea')).setValue('Soitimme ja pahoittelimme; asiakas kiitti');
    await submitForm(browser, 'close');
    await waitForStage(browser, /Suljettu/);
    const entries = await browser.$$('[data-testid="timeline-entry"]');
    assert.ok(entries.length >= 6, `timeline shows every step (${entries.length})`);
    // The closing reads as a statement, not as the form's question with the answer glued on.
    const closing = entries[entries.length - 1];
    assert.match(await closing.getText(), /Lopuksi: Soitimme ja pahoittelimme; asiakas kiitti/);
    assert.doesNotMatch(await (await byTestId(browser, 'timeline')).getText(), /\?:/);
    await screenshot(browser, 'case-closed');
    await closing.scrollIntoView({ block: 'center' });
    await screenshot(browser, 'case-closed-timeline');
  } finally {
    await browser.deleteSession();
  }

  browser = await startApp(db);
  try {
    const row = await byTestId(browser, 'case-row');
    assert.match(await row.getText(), /Suljettu/, 'the closed case is still closed after a restart');
  } finally {
    await browser.deleteSession();
  }
  const verified = cli(db, ['case', 'verify', 'R-' + new Date().getFullYear() + '-000001']);
  assert.equal(verified.replay_matches, true, 'the event log rebuilds what the UI stored');
});
