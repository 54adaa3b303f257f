// A chart model as a Chart.js configuration. Pure data: testable without a canvas.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartModel } from './chart-models';

const FONT = { family: "system-ui, 'Segoe UI', 'Noto Sans', sans-serif", size: 13 };
const TEXT = '#1b1f24';

const axisTitle = (text: string) => ({ display: true, text, color: TEXT, font: FONT });

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
  const category = { title: axisTitle(model.horizontal ? model.yTitle : model.xTitle), stacked: model.stacked, ticks: { color: TEXT, font: FONT } };
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
