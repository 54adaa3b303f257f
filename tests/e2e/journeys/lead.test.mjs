// Journey: a team lead starts the morning in the lead view, approves a compensation above the
// agents' limit, and gives an overdue promise to someone who can keep it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, eventually, screenshot, seriousAccessibilityViolations, startApp, switchPerson, tempDatabase } from '../harness.mjs';

test('a lead approves compensation and reassigns an overdue promise', async () => {
  const db = tempDatabase();
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
  cli(db, ['person', 'add', 'Leena Lead', '--role', 'lead']);
  cli(db, ['person', 'add', 'Ville Palvelu'], { person: 'Leena Lead' });
  const created = cli(
    db,
    ['case', 'create', '--customer', 'Eero Saarinen', '--description', 'Asennus myöhästyi kolme tuntia', '--requested-remedy', 'Hyvitys asennusmaksusta'],
    { now: twoHoursAgo },
  );
  const reference = created.reference;
  // 250 € is above the agents' 100 € limit: it waits for a lead.
  cli(db, ['case', 'act', reference, JSON.stringify({ kind: 'propose_compensation', amount_cents: 25000, form: null, basis: 'goodwill', note: 'Koko asennusmaksu' })], { now: twoHoursAgo });
  const dueHourAgo = new Date(Date.now() - 3600_000).toISOString();
  const promise = cli(db, ['promise', 'make', reference, '--text', 'Soitamme ja kerromme hyvityksestä', '--due', dueHourAgo, '--outside-hours'], { now: twoHoursAgo });

  const browser = await startApp(db);
  try {
    // The person at the keyboard switches to the team lead.
    await switchPerson(browser, 'Leena Lead');

    await (await byTestId(browser, 'nav-lead')).click();
    const board = await byTestId(browser, 'promise-board');
    await board.waitForDisplayed({ timeout: 10000 });
    await eventually(async () => (await browser.$$('[data-testid="board-row"]')).length === 1, 'the overdue promise on the board');
    const approvals = await byTestId(browser, 'approvals');
    assert.match(await approvals.getText(), new RegExp(reference));
    // The board, its summary and the approvals fill the first screen; the figures open on request.
    assert.match(await (await byTestId(browser, 'board-summary')).getText(), /Myöhässä: 1 \(Aino Agentti 1\)/);
    await (await browser.$('[data-testid="figures-fold"] summary')).click();
    const cases = await byTestId(browser, 'fig-cases');
    await cases.waitForDisplayed({ timeout: 10000 });
    assert.match(await cases.getText(), /1/, 'this month\'s figures count the case received today');
    await screenshot(browser, 'lead-view');
    assert.deepEqual(await seriousAccessibilityViolations(browser), [], 'the lead view passes axe-core');
    // The period is typed the desk's way (1.12.2026), not as the operating system's date input
    // would show it; a day the calendar lacks is refused in the field, in Finnish.
    const from = await byTestId(browser, 'date-from');
    const firstOfMonth = await from.getValue();
    assert.match(firstOfMonth, /^1\.\d{1,2}\.\d{4}$/);
    await from.setValue('31.11.2026');
    await (await byTestId(browser, 'date-to')).click();
    const refused = await browser.$('[data-testid="figures"] .field-error');
    await refused.waitForDisplayed({ timeout: 5000 });
    assert.match(await refused.getText(), /Päivää 31\.11\.2026 ei ole kalenterissa/);
    await from.setValue('01/11/2026');
    await (await byTestId(browser, 'date-to')).click();
    await eventually(async () => (await from.getValue()) === '1.11.2026', 'the typed date written back the Finnish way');
    assert.equal(await refused.isExisting(), false, 'the error leaves with the fixed date');

    // Reassign the overdue promise to Ville.
    const owner = await byTestId(browser, 'reassign-owner');
    await owner.selectByVisibleText('Ville Palvelu');
    await (await byTestId(browser, 'reassign')).click();
    await eventually(() => cli(db, ['promise', 'list', reference])[0].promise.owner === 'Ville Palvelu', 'the promise to change owner');

    // Approve the compensation from the case.
    await (await browser.$('[data-testid="approval"] button')).click();
    await (await byTestId(browser, 'case-view')).waitForDisplayed({ timeout: 10000 });
    await (await byTestId(browser, 'action-approve_compensation')).click();
    await (await browser.$('form[data-testid="form-approve_compensation"] button[type="submit"]')).click();
    await eventually(
      () => cli(db, ['case', 'show', reference]).state.compensations[0].status.kind === 'approved',
      'the compensation to be approved',
    );
    const shown = cli(db, ['case', 'show', reference]);
    assert.equal(shown.state.compensations[0].status.by, 'Leena Lead', 'the approval names the lead');
    await screenshot(browser, 'lead-approved-compensation');
  } finally {
    await browser.deleteSession();
  }
  assert.ok(promise.id > 0);
});
