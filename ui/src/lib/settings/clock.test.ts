import { describe, expect, it } from 'vitest';
import { clockText, parseClock } from './clock';

describe('a 24-hour clock typed the way people type it', () => {
  it.each([
    ['8', '08:00:00'],
    ['08', '08:00:00'],
    ['8.30', '08:30:00'],
    ['08:30', '08:30:00'],
    ['8,30', '08:30:00'],
    ['830', '08:30:00'],
    ['0830', '08:30:00'],
    ['1630', '16:30:00'],
    [' 16.00 ', '16:00:00'],
    ['0', '00:00:00'],
    ['23.59', '23:59:00'],
  ])('reads "%s" as %s', (typed, stored) => {
    expect(parseClock(typed)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['8 AM', 'unreadable'],
    ['8.3', 'unreadable'],
    ['klo 8', 'unreadable'],
    ['12345', 'unreadable'],
    ['8:30:00', 'unreadable'],
    ['24', 'out_of_range'],
    ['24.00', 'out_of_range'],
    ['8.60', 'out_of_range'],
    ['975', 'out_of_range'],
  ])('refuses "%s" (%s)', (typed, error) => {
    expect(parseClock(typed)).toEqual({ ok: false, error });
  });

  it.each([
    ['fi', '08:00:00', '08.00'],
    ['sv', '16:30:00', '16.30'],
    ['en', '08:00:00', '08:00'],
    ['en', '16:30:00', '16:30'],
  ] as const)('shows a stored time in %s as %s → %s', (language, stored, shown) => {
    expect(clockText(language, stored)).toBe(shown);
  });
});
