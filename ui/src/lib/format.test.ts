import { afterEach, describe, expect, it } from 'vitest';
import { deskZone } from './desk-zone.svelte';
import { deskDate, deskInputToIso, dueText, isoToDeskInput, parseEuros, type EuroError } from './format';
import { dateTimeFormat, formatDateTime, formatTime } from './i18n';

describe('parseEuros', () => {
  it.each<[string, number]>([
    ['25,50', 2550],
    ['25,5', 2550],
    ['25', 2500],
    ['0,05', 5],
    [',99', 99],
    ['25,', 2500],
    [' 1 234,56 ', 123456],
    ['1\u00a0234,56 €', 123456],
    ['€12', 1200],
    ['25.50', 2550],
    ['1000000000', 100_000_000_000],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseEuros(text)).toEqual({ ok: true, cents });
  });

  it.each<[string, EuroError]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['25,50,1', 'not_a_number'],
    [',', 'not_a_number'],
    ['12e3', 'not_a_number'],
    ['25,505', 'too_many_decimals'],
    ['1.234', 'too_many_decimals'],
    ['0', 'not_positive'],
    ['0,00', 'not_positive'],
    ['-5', 'not_positive'],
    ['1000000000,01', 'too_large'],
    ['99999999999', 'too_large'],
  ])('refuses %j: %s', (text, error) => {
    expect(parseEuros(text)).toEqual({ ok: false, error });
  });
});

describe('dueText', () => {
  // 12:00 in Helsinki (UTC+2 in November).
  const now = new Date('2026-11-23T10:00:00Z');

  it.each<['fi' | 'sv' | 'en', string, string]>([
    ['fi', '2026-11-23T09:59:30Z', 'myöhässä 1 min'],
    ['fi', '2026-11-23T09:35:00Z', 'myöhässä 25 min'],
    ['fi', '2026-11-23T08:00:00Z', 'myöhässä 2 t'],
    ['fi', '2026-11-23T07:01:00Z', 'myöhässä 2 t'],
    ['fi', '2026-11-22T10:00:00Z', 'myöhässä 1 pv'],
    ['fi', '2026-11-22T11:00:00Z', 'myöhässä 23 t'],
    ['fi', '2026-11-21T09:00:00Z', 'myöhässä 2 pv'],
    ['fi', '2026-11-23T12:15:00Z', 'erääntyy 14.15'],
    ['fi', '2026-11-23T10:00:00Z', 'erääntyy 12.00'],
    ['fi', '2026-11-24T07:00:00Z', 'erääntyy 24.11.2026 klo 09.00'],
    ['sv', '2026-11-23T08:00:00Z', 'försenat 2 h'],
    ['sv', '2026-11-23T12:15:00Z', 'förfaller 14.15'],
    ['en', '2026-11-23T08:00:00Z', '2 h late'],
    ['en', '2026-11-23T12:15:00Z', 'due 14:15'],
    // 23:30 in Helsinki is still today; 00:30 is tomorrow even though it is the same UTC day.
    ['en', '2026-11-23T21:30:00Z', 'due 23:30'],
    ['en', '2026-11-23T22:30:00Z', 'due 24/11/2026, 00:30'],
  ])('%s: due %s reads %j', (language, due, expected) => {
    expect(dueText(language, due, now).replace(/\u202f|\u00a0/g, ' ')).toBe(expected);
  });
});

describe('Helsinki wall time in date-time inputs', () => {
  it.each<[string, string]>([
    ['2026-11-23T14:15', '2026-11-23T12:15:00.000Z'],
    ['2026-07-01T09:00', '2026-07-01T06:00:00.000Z'],
    // The last hour of winter time and the first of summer time (clocks go 03:00 → 04:00).
    ['2026-03-29T02:30', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29T04:30', '2026-03-29T01:30:00.000Z'],
    // Autumn: 03:30 happens twice; the first (summer time) is meant.
    ['2026-10-25T02:30', '2026-10-24T23:30:00.000Z'],
    ['2026-10-25T05:00', '2026-10-25T03:00:00.000Z'],
  ])('reads %s as %s', (input, iso) => {
    expect(deskInputToIso(input)).toBe(iso);
    expect(isoToDeskInput(iso)).toBe(input);
  });

  it.each(['', '2026-11-23', 'tomorrow', '2026-11-23 14:15'])('refuses %j', (input) => {
    expect(deskInputToIso(input)).toBeNull();
  });
});

describe('date formatters', () => {
  it('are made once per locale and options, and reused', () => {
    const first = dateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', hour: '2-digit' });
    expect(dateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', hour: '2-digit' })).toBe(first);
    expect(dateTimeFormat('sv-FI', { timeZone: 'Europe/Helsinki', hour: '2-digit' })).not.toBe(first);
    expect(dateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', minute: '2-digit' })).not.toBe(first);
  });

  it('still give the desk its own time', () => {
    expect(formatDateTime('fi', '2026-11-23T10:15:00Z')).toBe(formatDateTime('fi', '2026-11-23T10:15:00Z'));
    expect(formatTime('fi', '2026-11-23T10:15:00Z')).toBe('12.15');
    expect(formatTime('fi', '2026-07-01T10:15:00Z')).toBe('13.15');
  });
});

describe('times in the desk’s zone, from its settings', () => {
  afterEach(() => deskZone.set('Europe/Helsinki'));

  it('shows and reads wall times in the zone the desk is set to, not a fixed Helsinki', () => {
    expect(formatTime('fi', '2026-11-23T08:00:00Z')).toBe('10.00');
    expect(deskInputToIso('2026-11-23T10:00')).toBe('2026-11-23T08:00:00.000Z');
    deskZone.set('Europe/Stockholm');
    expect(formatTime('fi', '2026-11-23T08:00:00Z')).toBe('09.00');
    expect(deskInputToIso('2026-11-23T10:00')).toBe('2026-11-23T09:00:00.000Z');
    expect(isoToDeskInput('2026-11-23T09:00:00Z')).toBe('2026-11-23T10:00');
    expect(deskDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });
});
