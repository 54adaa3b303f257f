// Realistic lead-view and settings records for UI tests: a month of desk figures, the default
// desk settings as the Rust `Default` impls make them, and the desk's people.
import type { CalendarDay, DeskFigures, DeskSettings, Person } from '../lib/bindings';

export const PEOPLE: Person[] = [
  { name: 'Aino', role: 'agent', has_pin: false },
  { name: 'Leena', role: 'lead', has_pin: false },
  { name: 'Mikko', role: 'agent', has_pin: false },
];

/** November 2026 at a mid-sized desk. Kept on time: 49 of 58 whose fate is known, 84.5 %. */
export function deskFigures(): DeskFigures {
  return {
    period: { from: '2026-10-31T22:00:00Z', to: '2026-11-30T22:00:00Z' },
    cases_received: 42,
    promises: { due: 61, kept_on_time: 49, kept_late: 6, broken: 3, renegotiated_in_time: 4, open: 3, withdrawn: 1, kept_on_time_percent: 84.48275862068965 },
    promises_per_week: [
      { week_start: '2026-11-02', kept_on_time: 11, kept_late: 2, broken: 1 },
      { week_start: '2026-11-09', kept_on_time: 13, kept_late: 1, broken: 0 },
      { week_start: '2026-11-16', kept_on_time: 14, kept_late: 2, broken: 2 },
      { week_start: '2026-11-23', kept_on_time: 11, kept_late: 1, broken: 0 },
    ],
    // Business minutes: 35 min, 2 h, 3 h 20 min, 5 h 30 min, 6 h 40 min, 1 d 2 h 10 min, ...
    time_to_remedy: { count: 9, median: 400, p90: 2600, values: [35, 120, 200, 330, 400, 610, 900, 1500, 2600] },
    time_to_close: { count: 6, median: 2880, p90: 7200, values: [960, 1900, 2880, 3100, 5000, 7200] },
    first_contact_resolution_percent: 31.25,
    contacts_per_case: 2.4,
    hand_offs_per_case: 0.3,
    compensation: [
      { basis: 'goodwill', count: 5, amount_cents: 12550 },
      { basis: 'consumer_law', count: 2, amount_cents: 34900 },
    ],
    root_causes: [
      { category: 'product_defect', count: 12 },
      { category: 'communication', count: 7 },
      { category: 'billing', count: 4 },
      { category: 'partner', count: 2 },
    ],
    responsibility: [
      { category: 'us', count: 11 },
      { category: 'supplier', count: 9 },
      { category: 'customer', count: 3 },
      { category: 'shared', count: 2 },
    ],
    open_by_stage: [
      { stage: 'intake', under_2_days: 3, days_2_to_7: 1, days_7_to_30: 0, over_30_days: 0 },
      { stage: 'solving', under_2_days: 2, days_2_to_7: 4, days_7_to_30: 2, over_30_days: 1 },
      { stage: 'remedy_agreed', under_2_days: 0, days_2_to_7: 2, days_7_to_30: 1, over_30_days: 0 },
    ],
  };
}

const hours = (open: string, close: string) => ({ open, close });

/** `DeskSettings::default()` in Rust, as JSON. */
export function deskSettings(): DeskSettings {
  const day = hours('08:00:00', '16:00:00');
  return {
    calendar: {
      time_zone: 'Europe/Helsinki',
      opening_hours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: null, sunday: null },
      closure_days: ['2026-12-23'],
    },
    reminder_plan: {
      before_due: [{ business_minutes: 60 }, { wall_minutes: 15 }],
      overdue_every: { business_minutes: 60 },
      escalate_after: { business_minutes: 120 },
    },
    sla_targets: {
      low: { first_response_minutes: 960, remedy_minutes: 4800, close_minutes: 14400 },
      normal: { first_response_minutes: 480, remedy_minutes: 2400, close_minutes: 7200 },
      high: { first_response_minutes: 240, remedy_minutes: 960, close_minutes: 4800 },
      urgent: { first_response_minutes: 60, remedy_minutes: 480, close_minutes: 2400 },
    },
    policy: { compensation_lead_limit_cents: 10000 },
    promise_buffer_minutes: 60,
    away_after_business_days: 5,
  };
}

/** Calendar days as the core lists them: Monday to Friday, Independence Day, closure days. */
export function calendarDays(from: string, to: string, closures: readonly string[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    const holiday = date.endsWith('-12-06') ? { fi: 'Itsenäisyyspäivä', sv: 'Självständighetsdagen', en: 'Independence Day' } : null;
    const closure = closures.includes(date);
    const weekday = day.getUTCDay() !== 0 && day.getUTCDay() !== 6;
    days.push({ date, business_day: weekday && !holiday && !closure, holiday, closure });
  }
  return days;
}
