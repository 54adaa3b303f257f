import { describe, expect, it } from 'vitest';
import { closeness, type ClosenessLevel } from './closeness';

// Monday 23 November 2026, 12:00 in Helsinki (UTC+2).
const now = new Date('2026-11-23T10:00:00Z');
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('closeness of the next promise', () => {
  it.each<['fi' | 'sv' | 'en', string | null, ClosenessLevel, string]>([
    ['fi', null, 'none', 'ei lupausta'],
    ['sv', null, 'none', 'inget löfte'],
    ['en', null, 'none', 'no promise'],
    // Overdue: minutes, hours, days.
    ['fi', '2026-11-23T08:00:00Z', 'overdue', 'myöhässä 2 t'],
    ['sv', '2026-11-23T08:00:00Z', 'overdue', 'försenat 2 h'],
    ['en', '2026-11-23T08:00:00Z', 'overdue', '2 h late'],
    ['fi', '2026-11-23T09:59:30Z', 'overdue', 'myöhässä 1 min'],
    ['fi', '2026-11-20T09:00:00Z', 'overdue', 'myöhässä 3 pv'],
    ['en', '2026-11-20T09:00:00Z', 'overdue', '3 d late'],
    // Exactly due: not late yet, and not "in 0 minutes".
    ['fi', '2026-11-23T10:00:00Z', 'soon', 'erääntyy nyt'],
    ['sv', '2026-11-23T10:00:30Z', 'soon', 'förfaller nu'],
    ['en', '2026-11-23T10:00:00Z', 'soon', 'due now'],
    // Within the soon window (two hours by default).
    ['fi', '2026-11-23T10:45:00Z', 'soon', 'erääntyy 45 min päästä'],
    ['sv', '2026-11-23T10:45:00Z', 'soon', 'förfaller om 45 min'],
    ['en', '2026-11-23T10:45:00Z', 'soon', 'due in 45 min'],
    ['en', '2026-11-23T12:00:00Z', 'soon', 'due in 2 hr'],
    // Later today, tomorrow, further ahead: neutral.
    ['fi', '2026-11-23T14:00:00Z', 'later', 'tänään 16.00'],
    ['fi', '2026-11-24T08:00:00Z', 'later', 'huomenna 10.00'],
    ['sv', '2026-11-24T08:00:00Z', 'later', 'i morgon 10.00'],
    ['en', '2026-11-24T08:00:00Z', 'later', 'tomorrow 10:00'],
    // 00:30 Helsinki time is tomorrow, though it is the same UTC day.
    ['en', '2026-11-23T22:30:00Z', 'later', 'tomorrow 00:30'],
    ['fi', '2026-11-26T08:00:00Z', 'later', 'erääntyy 26.11.2026 klo 10.00'],
  ])('%s: due %s is %s, read %j', (language, due, level, text) => {
    const result = closeness(language, due, now);
    expect(result.level).toBe(level);
    expect(plain(result.text)).toBe(text);
  });

  it('is soon from the time the back end says the desk’s earliest reminder fires', () => {
    // Friday 27 November 15:00 in Helsinki; the promise is due on Monday at 8.15, and its
    // business-hour reminder fired at 15.00 on Friday.
    const friday = new Date('2026-11-27T13:00:00Z');
    const monday = '2026-11-30T06:15:00Z';
    const reminderFires = '2026-11-27T13:00:00Z';
    expect(closeness('fi', monday, friday).level).toBe('later');
    const close = closeness('fi', monday, friday, reminderFires);
    expect(close.level).toBe('soon');
    expect(plain(close.text)).toBe('erääntyy 30.11.2026 klo 08.15');
    expect(closeness('fi', monday, new Date('2026-11-27T12:59:00Z'), reminderFires).level).toBe('later');
    // A reminder later than two hours ahead does not shorten the "in 45 min" wording.
    expect(closeness('en', '2026-11-23T10:45:00Z', now, '2026-11-23T10:30:00Z')).toEqual({ level: 'later', text: 'due in 45 min' });
  });
});
