// Reply templates for the usual messages to a customer, filled from the case. The words live in
// the locale files, so every template exists in Finnish, Swedish and English; the language is
// the customer's, chosen in the case view, not necessarily the agent's.
import type { CaseDetail } from '../bindings';
import { inDeskZone, localeOf, translate, type Language, type MessageKey } from '../i18n';

export const TEMPLATE_KINDS = ['acknowledgement', 'callback', 'remedy_offered', 'closing'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** A due time as a letter says it, in Helsinki time: "24.11.2026 klo 10.00", "24.11.2026 kl. 10.00". */
export function letterTime(language: Language, iso: string): string {
  const instant = new Date(iso);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(localeOf(language), inDeskZone(options)).format(instant);
  if (language === 'en') {
    return part({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  const date = part({ day: 'numeric', month: 'numeric', year: 'numeric' });
  const time = part({ hour: '2-digit', minute: '2-digit' });
  return language === 'fi' ? `${date} klo ${time}` : `${date} kl. ${time}`;
}

/** The due time of the promise the customer is waiting for: the earliest one still open. */
export function nextPromiseDue(detail: CaseDetail): string | null {
  const open = detail.promises.filter((view) => view.promise.state.kind === 'open');
  const sorted = open.map((view) => view.promise.due_at).sort((a, b) => Date.parse(a) - Date.parse(b));
  return sorted[0] ?? null;
}

/** The remedy agreed, or else the latest one offered; null when there is none yet. */
export function remedyText(detail: CaseDetail): string | null {
  const state = detail.state;
  return state.agreed_remedy?.remedy.description ?? state.remedy_options.at(-1)?.remedy.description ?? null;
}

export function fillTemplate(kind: TemplateKind, language: Language, detail: CaseDetail, agent: string): string {
  const t = (key: MessageKey, values?: Record<string, string>) => translate(language, key, values);
  const due = nextPromiseDue(detail);
  const when = due ? letterTime(language, due) : '';
  const dueLine: Record<TemplateKind, string> = {
    acknowledgement: due ? t('template.line.contact_by', { due: when }) : t('template.line.contact_soon'),
    callback: due ? t('template.line.call_at', { due: when }) : t('template.line.call_soon'),
    remedy_offered: due ? t('template.line.remedy_by', { due: when }) : '',
    closing: '',
  };
  const values = {
    customer: detail.customer.name,
    reference: detail.summary.reference,
    remedy: remedyText(detail) ?? t('template.remedy_placeholder'),
    due_line: dueLine[kind],
    agent,
  };
  const parts = [t('template.greeting', values), t(`template.${kind}.body`, values), t('template.signoff', values)];
  // A line left empty (no due time to tell) leaves no blank gap in the letter.
  return parts.join('\n\n').replace(/ +\n/g, '\n').replace(/\n{3,}/g, '\n\n');
}
