import { describe, expect, it } from 'vitest';
import { dateProblem, readDate, writeDate } from './typed-date';

const TODAY = '2026-12-06';
const read = (text: string) => readDate(text, TODAY);

describe('a date as the desk writes it', () => {
  it('is 1.12.2026 in Finnish and Swedish and 01/12/2026 in English', () => {
    expect(writeDate('fi', '2026-12-01')).toBe('1.12.2026');
    expect(writeDate('sv', '2026-01-09')).toBe('9.1.2026');
    expect(writeDate('en', '2026-12-01')).toBe('01/12/2026');
  });
});

describe('a typed date', () => {
  it.each([
    ['1.12.2026', '2026-12-01'],
    ['01.12.2026', '2026-12-01'],
    [' 1.12.2026. ', '2026-12-01'],
    ['1.12.26', '2026-12-01'],
    ['1/12/2026', '2026-12-01'],
    ['01/12/2026', '2026-12-01'],
    ['1-12-2026', '2026-12-01'],
    ['2026-12-01', '2026-12-01'],
    ['29.2.2028', '2028-02-29'],
    // No year: this year's.
    ['24.11.', '2026-11-24'],
    ['24.11', '2026-11-24'],
  ])('"%s" is read day first as %s', (text, date) => {
    expect(read(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['joulukuu', 'not_a_date'],
    ['1.12/2026', 'not_a_date'],
    ['1.12.202', 'not_a_date'],
    ['12/01/2026 12:00', 'not_a_date'],
    ['31.11.2026', 'no_such_day'],
    ['29.2.2026', 'no_such_day'],
    ['1.13.2026', 'no_such_day'],
    ['0.12.2026', 'no_such_day'],
    ['2026-13-01', 'no_such_day'],
  ])('"%s" is refused as %s, never rolled over', (text, error) => {
    expect(read(text)).toEqual({ ok: false, error });
  });
});

describe('what to fix in a date', () => {
  it('says it in Finnish, with an example in the desk’s form', () => {
    expect(dateProblem('fi', 'not_a_date', ' joulukuu ')).toBe(
      '”joulukuu” ei ole luettava päivämäärä. Kirjoita päivä ensin, esimerkiksi 1.12.2026.',
    );
    expect(dateProblem('fi', 'no_such_day', '31.11.2026')).toBe('Päivää 31.11.2026 ei ole kalenterissa: tarkista päivä ja kuukausi.');
    expect(dateProblem('fi', 'empty', '')).toBe('Kirjoita päivämäärä, esimerkiksi 1.12.2026.');
  });

  it('says it in Swedish and English', () => {
    expect(dateProblem('sv', 'not_a_date', 'december')).toBe(
      '”december” går inte att läsa som ett datum. Skriv dagen först, till exempel 1.12.2026.',
    );
    expect(dateProblem('sv', 'no_such_day', '31.11.2026')).toBe('31.11.2026 finns inte i kalendern: kontrollera dag och månad.');
    expect(dateProblem('en', 'not_a_date', 'December')).toBe('Cannot read “December” as a date. Write it day first, for example 01/12/2026.');
  });
});
