// Journey: a desk with hundreds of cases. The list keeps only the rows around the viewport in the
// DOM, sizes its spacers through the CSSOM (which the CSP's style-src 'self' must allow), fetches
// the next page when scrolled, moves with the keyboard, and passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, eventually, screenshot, seriousAccessibilityViolations, startApp, tempDatabase } from '../harness.mjs';

const listState = () => {
  const scroller = document.querySelector('[data-testid="case-scroller"]');
  const rows = [...document.querySelectorAll('[data-testid="case-row"]')];
  return {
    rows: rows.length,
    firstIndex: rows[0]?.getAttribute('aria-rowindex'),
    rowHeight: rows[0]?.getBoundingClientRect().height,
    spacerStyles: [...document.querySelectorAll('tr.spacer td')].map((td) => td.style.height),
    spacerHeights: [...document.querySelectorAll('tr.spacer td')].map((td) => td.getBoundingClientRect().height),
    scrollHeight: scroller.scrollHeight,
  };
};

// Received, stage and next-promise cells whose text is wider than the cell (cut off), as "text".
const cutCells = () =>
  [...document.querySelectorAll('[data-testid="case-row"]')].flatMap((row) =>
    [row.cells[1], row.cells[4], row.cells[5]].filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent.trim()),
  );

test('a long case list stays light, scrolls, pages and moves with the keyboard', async () => {
  const db = tempDatabase();
  cli(db, ['demo', '--cases', '600']);
  const browser = await startApp(db);
  try {
    await (await byTestId(browser, 'case-scroller')).waitForDisplayed({ timeout: 15000 });
    const top = await browser.execute(listState);
    assert.ok(top.rows > 5 && top.rows <= 40, `only the rows around the viewport are in the DOM (${top.rows} of 100 loaded)`);
    const [, below] = top.spacerHeights;
    assert.ok(top.spacerStyles[1] !== '' && below > 1000, `the spacer below is sized through the CSSOM: ${JSON.stringify(top)}`);
    assert.deepEqual(await browser.execute(cutCells), [], 'received, stage and next promise are shown whole, newest first');
    await screenshot(browser, 'case-list-many');

    await browser.execute(() => {
      const scroller = document.querySelector('[data-testid="case-scroller"]');
      scroller.scrollTop = scroller.scrollHeight;
    });
    const scrolled = await eventually(async () => {
      const state = await browser.execute(listState);
      return state.scrollHeight > top.scrollHeight * 1.5 && state.firstIndex !== '2' ? state : null;
    }, 'the next page after scrolling to the end');
    assert.ok(scrolled.rows <= 40, `still only the visible rows (${scrolled.rows})`);

    // Keyboard: Home goes to the first case, Down to the next, Enter opens it.
    const row = await browser.$('[data-testid="case-row"][tabindex="0"]');
    await row.click().catch(() => {}); // a click opens the case; come back
    if (await (await byTestId(browser, 'back')).isExisting()) await (await byTestId(browser, 'back')).click();
    await (await byTestId(browser, 'case-scroller')).waitForDisplayed({ timeout: 10000 });
    await browser.execute(() => document.querySelector('[data-testid="case-row"][tabindex="0"]').focus());
    await browser.keys(['Home']);
    await browser.keys(['ArrowDown']);
    const focused = await browser.execute(() => document.activeElement?.getAttribute('aria-rowindex'));
    assert.equal(focused, '3', 'Home then Down is on the second case');
    assert.deepEqual(await seriousAccessibilityViolations(browser), [], 'the long list passes axe-core');

    // By next promise: how close each one is, in words (and colour).
    await (await byTestId(browser, 'filter-sort')).selectByAttribute('value', 'next_promise');
    const words = await eventually(async () => {
      const texts = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid="closeness"]')].map((cell) => `${cell.dataset.level}: ${cell.textContent.trim()}`),
      );
      return texts.length > 0 && texts.every((text) => !text.startsWith('none')) ? texts : null;
    }, 'the list by next promise');
    assert.match(words[0], /^overdue: !\s+myöhässä \d+ (min|t|pv)$/, `the most overdue promise first: ${words.slice(0, 3)}`);
    assert.deepEqual(await browser.execute(cutCells), [], 'received, stage and next promise are shown whole, by next promise');
    await browser.execute(() => document.getElementById('case-list-heading').scrollIntoView());
    await screenshot(browser, 'case-list-promises');
  } finally {
    await browser.deleteSession();
  }
});
