import { describe, expect, it } from 'vitest';
import { caseDetail } from '../../test/fake-data';
import type { CaseDetail, CaseEvent } from '../bindings';
import { dictionaries, type Language } from '../i18n';
import { timeline } from './describe';

const EVERY_EVENT: CaseEvent[] = [
  { kind: 'wait_started', on: 'customer', reason: 'Kuitti puuttuu', until: '2026-11-25T10:00:00Z' },
  { kind: 'wait_ended', note: null, automatic: true },
  { kind: 'complaint_declined', basis: 'warranty_terms', explanation: 'Takuu päättyi' },
  { kind: 'decline_communicated', informed_via: 'phone', note: 'Asiakas ymmärsi' },
  { kind: 'remedy_delivered', summary: 'Hyvitys maksettu', informed_via: 'email' },
  { kind: 'compensation_proposed', compensation_id: 0, amount_cents: 5000, form: null, basis: 'goodwill', note: null, needs_lead_approval: true },
  { kind: 'handed_off', from: 'Aino', to: 'Mikko', note: 'Varaosa tilattu', customer_told: 'Mikko soittaa', callback: null },
  { kind: 'cost_recorded', cost_id: 0, amount_cents: 124990, borne_by: 'us', description: 'Uusi kone' },
  { kind: 'closed', closing_gesture: 'Soitimme asiakkaalle', lessons_learned: 'Tarkista kuitti heti', not_analysed_reason: 'Kertaluonteinen' },
  { kind: 'reopened', reason: 'Vika uusi', to: 'remedy' },
];

function everyEvent(): CaseDetail {
  const detail = caseDetail('closed');
  const at = (minute: number) => `2026-11-23T09:${String(minute).padStart(2, '0')}:00Z`;
  detail.events = [
    ...detail.events,
    ...EVERY_EVENT.map((event, index) => ({ at: at(index), actor: { person: 'Aino', role: 'agent' as const }, stage_before: 'solving' as const, stage_after: 'solving' as const, event })),
  ];
  return detail;
}

// A form's label that asks: a question mark, or a question word as in "Mitä asiakkaalle kerrottiin".
const QUESTION = /\?|^(Mitä|Miksi|Ketä|Kuka|Vad|Varför|Vem|What|Why|Who)\b/;

const lines = (language: Language) => timeline(language, everyEvent()).flatMap((entry) => [entry.title, ...entry.details]);

describe('the timeline reads as statements', () => {
  it.each(['fi', 'sv', 'en'] as const)('never shows a form question with the answer glued on (%s)', (language) => {
    const questions = Object.entries(dictionaries[language])
      .filter(([key, text]) => key.startsWith('form.') && QUESTION.test(text))
      .map(([, text]) => text);
    expect(questions.length).toBeGreaterThan(0);
    for (const line of lines(language)) {
      expect(line).not.toMatch(/\?:/);
      for (const question of questions) expect(line.startsWith(`${question}:`), `${line} starts with the form's "${question}"`).toBe(false);
    }
  });

  it.each([
    ['fi', 'Lopuksi: Soitimme asiakkaalle', 'Asiakkaalle kerrottiin: Mikko soittaa', 'Juurisyytä ei selvitetty. Perustelu: Kertaluonteinen'],
    ['sv', 'Som avslutning: Soitimme asiakkaalle', 'Kunden fick veta: Mikko soittaa', 'Grundorsaken utreddes inte. Motivering: Kertaluonteinen'],
    ['en', 'To end on a good note: Soitimme asiakkaalle', 'The customer was told: Mikko soittaa', 'Root cause not analysed. Reason: Kertaluonteinen'],
  ] as const)('words the closing, the hand-off and a skipped analysis as sentences (%s)', (language, closing, told, skipped) => {
    const all = lines(language);
    expect(all).toContain(closing);
    expect(all).toContain(told);
    expect(all).toContain(skipped);
  });

  it.each([
    ['fi', /^1\s249,90\s€ meidän kustannuksellamme$/],
    ['sv', /^1\s249,90\s€ på vår bekostnad$/],
    ['en', /^€1,249\.90 at our expense$/],
  ] as const)('says who bears a cost in one sentence (%s)', (language, sentence) => {
    const cost = timeline(language, everyEvent()).find((entry) => entry.details.includes('Uusi kone'));
    expect(cost?.details.some((line) => sentence.test(line)), JSON.stringify(cost?.details)).toBe(true);
  });
});
