// The four charts of the lead view as plain data: titles, axis words, series and the table with
// the same numbers. The chart and its table fallback are drawn from one model, so they can
// never disagree; `chart-config.ts` turns a model into a Chart.js configuration.
import type { DeskFigures } from '../bindings';
import { label, translate, type Language, type MessageKey } from '../i18n';
import { formatDate, formatPercent, isoWeek } from './numbers';

export type ChartId = 'weekly' | 'remedy_histogram' | 'root_causes' | 'responsibility';

export interface Series {
  label: string;
  values: number[];
  color: string;
}

export interface ChartModel {
  id: ChartId;
  title: string;
  xTitle: string;
  yTitle: string;
  labels: string[];
  series: Series[];
  stacked: boolean;
  horizontal: boolean;
  /** The Pareto chart's cumulative share, drawn as a line on a second axis (percent). */
  cumulative: (Series & { axisTitle: string }) | null;
  table: { head: string[]; rows: string[][] };
}

// Distinct in lightness as well as hue; the words in legend and table carry the meaning.
export const COLORS = { ok: '#2d7a3e', late: '#b07400', bad: '#a4161a', main: '#1d4e89', line: '#4a5361' };

/** Histogram bins of business minutes, upper bounds exclusive; a business day is 8 hours. */
export const REMEDY_BINS: readonly { key: MessageKey; below: number }[] = [
  { key: 'bin.under_1h', below: 60 },
  { key: 'bin.1_4h', below: 240 },
  { key: 'bin.4_8h', below: 480 },
  { key: 'bin.1_2d', below: 960 },
  { key: 'bin.2_5d', below: 2400 },
  { key: 'bin.5_10d', below: 4800 },
  { key: 'bin.over_10d', below: Infinity },
];

export function histogram(values: readonly number[]): number[] {
  const counts = REMEDY_BINS.map(() => 0);
  for (const value of values) counts[REMEDY_BINS.findIndex((bin) => value < bin.below)] += 1;
  return counts;
}

/** Every chart of `figures`, in the order the lead view shows them. */
export function chartModels(language: Language, figures: DeskFigures): ChartModel[] {
  const t = (key: MessageKey, values?: Record<string, string>) => translate(language, key, values);
  const n = (value: number) => String(value);
  const base = { stacked: false, horizontal: false, cumulative: null };

  const weeks = figures.promises_per_week;
  const weekLabels = weeks.map((week) => t('chart.week', { week: n(isoWeek(week.week_start)) }));
  const weekly: ChartModel = {
    ...base,
    id: 'weekly',
    title: t('chart.weekly.title'),
    xTitle: t('chart.weekly.x'),
    yTitle: t('chart.weekly.y'),
    labels: weekLabels,
    stacked: true,
    series: [
      { label: t('figures.kept_on_time'), values: weeks.map((w) => w.kept_on_time), color: COLORS.ok },
      { label: t('figures.kept_late'), values: weeks.map((w) => w.kept_late), color: COLORS.late },
      { label: t('figures.broken'), values: weeks.map((w) => w.broken), color: COLORS.bad },
    ],
    table: {
      head: [t('chart.weekly.x'), t('figures.kept_on_time'), t('figures.kept_late'), t('figures.broken')],
      rows: weeks.map((w, i) => [
        `${weekLabels[i]} (${formatDate(language, w.week_start)})`,
        n(w.kept_on_time),
        n(w.kept_late),
        n(w.broken),
      ]),
    },
  };

  const binLabels = REMEDY_BINS.map((bin) => t(bin.key));
  const counts = histogram(figures.time_to_remedy.values);
  const remedy: ChartModel = {
    ...base,
    id: 'remedy_histogram',
    title: t('chart.remedy.title'),
    xTitle: t('chart.remedy.x'),
    yTitle: t('chart.cases'),
    labels: binLabels,
    series: [{ label: t('chart.cases'), values: counts, color: COLORS.main }],
    table: { head: [t('chart.remedy.x'), t('chart.cases')], rows: binLabels.map((bin, i) => [bin, n(counts[i])]) },
  };

  const causes = figures.root_causes;
  const causeTotal = causes.reduce((sum, cause) => sum + cause.count, 0);
  let running = 0;
  const cumulative = causes.map((cause) => {
    running += cause.count;
    return causeTotal === 0 ? 0 : Math.round((running / causeTotal) * 1000) / 10;
  });
  const causeLabels = causes.map((cause) => label(language, 'root_cause', cause.category));
  const pareto: ChartModel = {
    ...base,
    id: 'root_causes',
    title: t('chart.causes.title'),
    xTitle: t('chart.causes.x'),
    yTitle: t('chart.cases'),
    labels: causeLabels,
    series: [{ label: t('chart.cases'), values: causes.map((cause) => cause.count), color: COLORS.main }],
    cumulative: { label: t('chart.cumulative'), values: cumulative, color: COLORS.line, axisTitle: t('chart.cumulative') },
    table: {
      head: [t('chart.causes.x'), t('chart.cases'), t('chart.cumulative')],
      rows: causes.map((cause, i) => [causeLabels[i], n(cause.count), formatPercent(language, cumulative[i])]),
    },
  };

  const parties = figures.responsibility;
  const partyTotal = parties.reduce((sum, party) => sum + party.count, 0);
  const partyLabels = parties.map((party) => label(language, 'party', party.category));
  const responsibility: ChartModel = {
    ...base,
    id: 'responsibility',
    title: t('chart.responsibility.title'),
    xTitle: t('chart.cases'),
    yTitle: t('chart.responsibility.y'),
    labels: partyLabels,
    horizontal: true,
    series: [{ label: t('chart.cases'), values: parties.map((party) => party.count), color: COLORS.main }],
    table: {
      head: [t('chart.responsibility.y'), t('chart.cases'), t('chart.share')],
      rows: parties.map((party, i) => [
        partyLabels[i],
        n(party.count),
        formatPercent(language, partyTotal === 0 ? null : (party.count / partyTotal) * 100),
      ]),
    },
  };

  return [weekly, remedy, pareto, responsibility];
}

/** Whether a chart has anything to draw. */
export const hasData = (model: ChartModel): boolean => model.series.some((series) => series.values.some((v) => v > 0));
