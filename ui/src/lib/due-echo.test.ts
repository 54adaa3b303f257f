import { describe, expect, it } from 'vitest';
import { dueDay, dueEcho } from './due-echo';

describe('the due echo', () => {
  it.each([
    ['fi', '2026-12-11T14:00:00Z', 'pe 11.12. klo 16.00'],
    ['sv', '2026-12-11T14:00:00Z', 'fre 11.12. kl. 16.00'],
    ['en', '2026-12-11T14:00:00Z', 'Fri 11 Dec at 16:00'],
    // Summer time: 13:00 UTC is 16:00 in Helsinki.
    ['fi', '2026-04-03T13:00:00Z', 'pe 3.4. klo 16.00'],
    ['fi', '2026-04-03T05:05:00Z', 'pe 3.4. klo 8.05'],
  ] as const)('names the weekday first (%s %s)', (language, iso, expected) => {
    expect(dueEcho(language, iso)).toBe(expected);
  });

  it('labels the weekday buttons by day', () => {
    expect(dueDay('fi', '2026-12-07T14:00:00Z')).toBe('ma 7.12.');
    expect(dueDay('sv', '2026-12-07T14:00:00Z')).toBe('mån 7.12.');
    expect(dueDay('en', '2026-12-07T14:00:00Z')).toBe('Mon 7 Dec');
  });
});
