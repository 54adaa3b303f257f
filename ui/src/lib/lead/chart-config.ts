// A chart model as a Chart.js configuration. Pure data: testable without a canvas.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartModel } from './chart-models';

const FONT = { family: "system-ui, 'Segoe UI', 'Noto Sans', sans-serif", size: 13 };
const TEXT = '#1b1f24';

const axisTitle = (text: string) => ({ display: true, text, color: TEXT, font: FONT });
/** A category name longer than this goes on two lines, broken at a space. */
const LINE_CHARS = 20;

/** "Leverantör, importör eller partner" → ["Leverantör, importör", "eller partner"]. */
export function twoLines(label: string): string | string[] {
  if (label.length <= LINE_CHARS) return label;
  const words = label.split(' ');
  let first = '';
  while (words.length > 1 && (first === '' || `${first} ${words[0]}`.length <= LINE_CHARS)) {
    first = first === '' ? (words.shift() as string) : `${first} ${words.shift()}`;
  }
  return first === '' || words.length === 0 ? label : [first, words.join(' ')];
}

export function toChartConfig(model: ChartModel, animate = true): ChartConfiguration<'bar' | 'line'> {
  const bars: ChartDataset<'bar' | 'line'>[] = model.series.map((series) => ({
    type: 'bar',
    label: series.label,
    data: [...series.values],
    backgroundColor: series.color,
    borderColor: series.color,
    borderWidth: 1,
    yAxisID: model.horizontal ? undefined : 'y',
    order: 2,
  }));
  const line: ChartDataset<'bar' | 'line'>[] = model.cumulative
    ? [
        {
          type: 'line',
          label: model.cumulative.label,
          data: [...model.cumulative.values],
          borderColor: model.cumulative.color,
          backgroundColor: model.cumulative.color,
          borderDash: [6, 3],
          pointStyle: 'rectRot',
          pointRadius: 4,
          yAxisID: 'share',
          order: 1,
        },
      ]
    : [];
  // Chart.js skips labels that would collide; a lead then cannot tell the bars apart without the
  // table. Every category is named instead, long names on two lines.
  const category = {
    title: axisTitle(model.horizontal ? model.yTitle : model.xTitle),
    stacked: model.stacked,
    ticks: {
      color: TEXT,
      font: FONT,
      autoSkip: false,
      maxRotation: 0,
      callback(this: { getLabelForValue: (value: number) => string }, value: number | string) {
        return twoLines(this.getLabelForValue(Number(value)));
      },
    },
  };
  const value = {
    title: axisTitle(model.horizontal ? model.xTitle : model.yTitle),
    stacked: model.stacked,
    beginAtZero: true,
    ticks: { color: TEXT, font: FONT, precision: 0 },
  };
  const scales: Record<string, object> = model.horizontal ? { x: value, y: category } : { x: category, y: value };
  if (model.cumulative) {
    scales.share = {
      position: 'right',
      min: 0,
      max: 100,
      title: axisTitle(model.cumulative.axisTitle),
      grid: { drawOnChartArea: false },
      ticks: { color: TEXT, font: FONT, callback: (tick: number | string) => `${tick} %` },
    };
  }
  return {
    type: 'bar',
    data: { labels: [...model.labels], datasets: [...bars, ...line] },
    options: {
      indexAxis: model.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: animate ? undefined : false,
      plugins: {
        legend: { display: true, position: 'bottom', labels: { color: TEXT, font: FONT, usePointStyle: true } },
        tooltip: { enabled: true },
      },
      scales,
    },
  };
}
