// Journey: a Swedish-speaking desk on a small screen (1024x640). The header and the menu stay put
// while the page scrolls, the reminders fold to one line, the person switch opens without moving
// the header, settings' boxes sit on the line of their words; screenshots of each in Swedish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, eventually, screenshot, startApp, switchPerson, tempDatabase } from '../harness.mjs';

const SIZE = { width: 1024, height: 640 };
const shot = (browser, name) => screenshot(browser, name, SIZE);

test('a Swedish desk at 1024x640 keeps its header, folds its reminders and lines up its boxes', async () => {
  const db = tempDatabase();
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
  cli(db, ['person', 'add', 'Lena Ledare', '--role', 'lead']);
  cli(db, ['person', 'add', 'Aino Agentti'], { person: 'Lena Ledare' });
  cli(db, ['demo', '--cases', '40', '--seed', '18'], { person: 'Lena Ledare' });
  for (const [customer, offset, text] of [
    ['Helmi Laine', -3600_000, 'Vi ringer och berättar leveransdagen'],
    ['Sven Lindqvist', 40 * 60_000, 'Vi ringer om reservdelen'],
    ['Maja Holm', 3 * 3600_000, 'Vi skickar svar per e-post'],
  ]) {
    const created = cli(db, ['case', 'create', '--customer', customer, '--description', 'Soffan har fel färg', '--requested-remedy', 'Rätt soffa'], { now: twoHoursAgo });
    const due = new Date(Date.now() + offset).toISOString();
    cli(db, ['promise', 'make', created.reference, '--text', text, '--due', due, '--outside-hours'], { now: twoHoursAgo });
  }

  const browser = await startApp(db);
  try {
    await browser.setWindowSize(SIZE.width, SIZE.height);
    await eventually(async () => (await browser.execute(() => window.innerHeight)) <= SIZE.height, 'the window at 640 px');

    // Svenska, chosen in the window (kept with the person).
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'language-choice')).selectByAttribute('value', 'sv');
    await eventually(async () => /Inställningar/.test(await (await byTestId(browser, 'nav-settings')).getText()), 'the menu in Swedish');

    // Settings: every box is on the line of its own words.
    const apart = await browser.execute(() =>
      [...document.querySelectorAll('label.check')]
        .filter((label) => label.querySelector('input[type="checkbox"]'))
        .filter((label) => getComputedStyle(label).flexDirection !== 'row')
        .map((label) => label.textContent.trim()),
    );
    assert.deepEqual(apart, [], 'no settings box sits apart from its words');
    const saturday = await browser.execute(() => {
      const box = [...document.querySelectorAll('label.check')].find((label) => label.textContent.includes('Lördag'));
      return box ? box.textContent.replace(/\s+/g, ' ').trim() : null;
    });
    assert.equal(saturday, 'Lördag: öppet', 'the weekend box says what ticking does, not "stängt"');
    // Opening hours on the 24-hour clock in Swedish, not WebKit's "08:00 AM" of a time input.
    const monday = await byTestId(browser, 'hours-monday-open');
    assert.equal(await monday.getAttribute('type'), 'text');
    assert.equal(await monday.getValue(), '08.00');
    assert.equal(await (await byTestId(browser, 'hours-monday-close')).getValue(), '16.00');
    // The weekday boxes in view (the harness parks the pointer before every shot).
    await browser.execute(() =>
      [...document.querySelectorAll('label.check')].find((label) => label.textContent.includes('Måndag'))?.scrollIntoView({ block: 'center' }),
    );
    await shot(browser, 'sv-settings-1024x640');

    // The case list: the reminders fold to one line with a count.
    await (await byTestId(browser, 'nav-cases')).click();
    const banner = await byTestId(browser, 'reminders');
    await banner.waitForDisplayed({ timeout: 10000 });
    const toggle = await byTestId(browser, 'reminders-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'folded on a short screen');
    assert.match(await toggle.getText(), /Löften som förfaller \(3\)/);
    await browser.execute(() => window.scrollTo(0, 0)); // Settings left the page scrolled.
    const share = await browser.execute(() => document.querySelector('[data-testid="chrome"]').getBoundingClientRect().height / window.innerHeight);
    assert.ok(share < 0.3, `header, menu and banner take ${Math.round(share * 100)} % of the screen`);
    await shot(browser, 'sv-case-list-1024x640');

    // Scrolled down, the header and the menu are still at the top.
    const top = await browser.execute(() => {
      window.scrollTo(0, 600);
      return [window.scrollY, document.querySelector('header.top').getBoundingClientRect().top];
    });
    assert.ok(top[0] > 0, 'the page scrolled');
    assert.equal(top[1], 0, 'the header stays at the top');
    await browser.execute(() => window.scrollTo(0, 0));

    // The person switch opens below the header without moving it.
    const before = await browser.execute(() => document.querySelector('header.top').getBoundingClientRect().height);
    await (await byTestId(browser, 'switch-person')).click();
    await (await byTestId(browser, 'person-choice')).waitForDisplayed();
    const after = await browser.execute(() => document.querySelector('header.top').getBoundingClientRect().height);
    assert.equal(after, before, 'opening the switch does not grow the header');
    await shot(browser, 'sv-person-switch-1024x640');
    await (await byTestId(browser, 'switch-person')).click();

    // A case: the stages read as a progress line.
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await (await byTestId(browser, 'reminder')).click();
    await (await byTestId(browser, 'case-view')).waitForDisplayed({ timeout: 10000 });
    const progress = await browser.$('ol.progress');
    assert.match(await progress.getAttribute('aria-label'), /^Ärendets förlopp: steg \d av 6$/);
    await shot(browser, 'sv-case-view-1024x640');

    // The lead's view, in Swedish at the same size (the lead chooses Swedish for herself).
    await switchPerson(browser, 'Lena Ledare');
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'language-choice')).selectByAttribute('value', 'sv');
    await eventually(async () => /Inställningar/.test(await (await byTestId(browser, 'nav-settings')).getText()), 'the menu in Swedish');
    await (await byTestId(browser, 'nav-lead')).click();
    await (await byTestId(browser, 'promise-board')).waitForDisplayed({ timeout: 10000 });
    assert.match(await (await byTestId(browser, 'board-summary')).getText(), /^Försenade: 1 \(Aino Agentti 1\), längst försenat 1 h/);
    await toggle.click(); // Folded again: the lead's screen is the board's.
    await shot(browser, 'sv-lead-1024x640');
  } finally {
    await browser.deleteSession();
  }
});
