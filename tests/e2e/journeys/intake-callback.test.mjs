// Journey: a phone complaint with a promised call-back is one save. A call-back the desk refuses
// saves nothing (no case without its promise); corrected, the case and its promise arrive together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, screenshot, startApp, tempDatabase } from '../harness.mjs';

test('a complaint and its call-back promise are saved together or not at all', async () => {
  const db = tempDatabase();
  const browser = await startApp(db);
  try {
    await (await byTestId(browser, 'new-case')).click();
    await (await browser.$('input[name="customer_name"]')).setValue('Pekka Puhelin');
    await (await browser.$('textarea[name="description"]')).setValue('Lasku tuli kahteen kertaan.');
    await (await browser.$('textarea[name="requested_remedy"]')).setValue('Toinen veloitus hyvitetään');
    await (await browser.$('input[name="callback"]')).click();
    // The agent empties what was promised: the desk refuses the call-back.
    const promised = await browser.$('input[name="callback_text"]');
    // By keyboard, as an agent would (a WebDriver clear sends no input event to the form).
    await promised.click();
    await browser.keys(['Control', 'a']);
    await browser.keys('Backspace');
    assert.equal(await promised.getValue(), '');
    await (await browser.$('.due-chooser button')).click();
    await (await byTestId(browser, 'due-chosen')).waitUntil(async function () {
      return (await this.getText()) !== '';
    });
    await (await byTestId(browser, 'save-case')).click();

    await promised.waitUntil(async () => (await promised.getAttribute('aria-invalid')) === 'true', {
      timeoutMsg: 'the refused call-back is pointed out at its own field',
    });
    await screenshot(browser, 'intake-callback-refused');
    assert.equal(cli(db, ['case', 'list']).length, 0, 'no case was saved without its promised call-back');
    assert.ok(await (await byTestId(browser, 'intake-form')).isDisplayed(), 'the form keeps what was typed');

    await promised.setValue('Soitamme, kun hyvitys on tehty');
    await (await byTestId(browser, 'save-case')).click();
    const notice = await byTestId(browser, 'notice');
    await notice.waitForDisplayed({ timeout: 10000 });
    assert.match(await notice.getText(), /R-\d{4}-000001/);
    assert.doesNotMatch(await notice.getText(), /ei tallentunut|not saved/i);

    const cases = cli(db, ['case', 'list']);
    assert.equal(cases.length, 1);
    const promises = cli(db, ['promise', 'list', cases[0].reference]);
    assert.deepEqual(
      promises.map((view) => [view.promise.text, view.promise.owner]),
      [['Soitamme, kun hyvitys on tehty', cases[0].owner]],
      'the case and its call-back arrived together',
    );
    await screenshot(browser, 'intake-callback-saved');
  } finally {
    await browser.deleteSession();
  }
});
