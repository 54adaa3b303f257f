// Journey: an agent opens Lupaus for the first time, logs a complaint, sees it listed, and still
// finds it after the app is restarted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, screenshot, seriousAccessibilityViolations, startApp, tempDatabase } from '../harness.mjs';

test('log a first complaint and find it again after a restart', async () => {
  const db = tempDatabase();
  let browser = await startApp(db);
  try {
    const empty = await byTestId(browser, 'empty-state');
    assert.ok(await empty.isDisplayed(), 'an empty database explains what to do');
    assert.match(await empty.getText(), /Ei vielä reklamaatioita/, 'Finnish on a Finnish system');
    await screenshot(browser, 'case-list-empty');

    await (await byTestId(browser, 'new-case')).click();
    await (await browser.$('input[name="customer_name"]')).setValue('Maija Meikäläinen');
    await (await browser.$('input[name="customer_phone"]')).setValue('040 123 4567');
    await (await browser.$('textarea[name="description"]')).setValue(
      'Pesukone vuotaa vettä lattialle jo toisella pesukerralla. <img src=x onerror=alert(1)>',
    );
    await (await browser.$('textarea[name="requested_remedy"]')).setValue('Uusi kone tilalle');
    await screenshot(browser, 'intake-filled');
    assert.deepEqual(await seriousAccessibilityViolations(browser), [], 'the intake form passes axe-core');
    await (await byTestId(browser, 'save-case')).click();

    const notice = await byTestId(browser, 'notice');
    await notice.waitForDisplayed({ timeout: 10000 });
    assert.match(await notice.getText(), /R-\d{4}-000001/);
    const rows = await browser.$$('[data-testid="case-row"]');
    assert.equal(rows.length, 1);
    assert.equal(await (await rows[0].$('td:nth-child(3)')).getText(), 'Maija Meikäläinen');
    assert.match(
      await (await rows[0].$('td.summary')).getText(),
      /<img src=x onerror=alert\(1\)>/,
      'complaint text is shown as text',
    );
    assert.equal((await browser.$$('td img')).length, 0, 'no element was created from complaint text');
    await screenshot(browser, 'case-list-one-case');
    assert.deepEqual(await seriousAccessibilityViolations(browser), [], 'the case list passes axe-core');
    // The checker itself must be able to fail: a button without a name is a serious violation.
    await browser.execute(() => document.body.append(Object.assign(document.createElement('button'), { id: 'unnamed' })));
    const planted = await seriousAccessibilityViolations(browser);
    assert.ok(planted.some((v) => v.id === 'button-name'), `axe-core reports a planted violation: ${JSON.stringify(planted)}`);
    await browser.execute(() => document.getElementById('unnamed')?.remove());
  } finally {
    await browser.deleteSession();
  }

  browser = await startApp(db);
  try {
    // The list fetches its first page after the heading shows: wait for a row before counting.
    await (await byTestId(browser, 'case-row')).waitForExist({ timeout: 10000 });
    const rows = await browser.$$('[data-testid="case-row"]');
    assert.equal(rows.length, 1, 'the case survives a restart');
    assert.equal(await (await rows[0].$('td:nth-child(3)')).getText(), 'Maija Meikäläinen');
  } finally {
    await browser.deleteSession();
  }
});
