import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime, formatLocalDateTime, formatTime } from './i18n';

describe('Finland-Swedish dates', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are written 18.12.2026 16.00 even where the platform reads sv-FI as Sweden', () => {
    // WebKitGTK's locale data formats sv-FI like sv-SE: "2026-12-18 16:00".
    const Real = Intl.DateTimeFormat;
    const AsSweden = function (locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return new Real(locale === 'sv-FI' ? 'sv-SE' : locale, options);
    } as unknown as typeof Intl.DateTimeFormat;
    vi.stubGlobal('Intl', { ...Intl, DateTimeFormat: AsSweden });
    expect(formatDateTime('sv', '2026-12-18T14:00:00Z')).toBe('18.12.2026 16.00');
    expect(formatDateTime('sv', '2026-07-01T05:05:00Z')).toBe('1.7.2026 08.05');
    expect(formatTime('sv', '2026-12-18T12:15:00Z')).toBe('14.15');
    expect(formatLocalDateTime('sv', '2026-11-23T15:03:00')).toBe('23.11.2026 15.03');
  });
});
