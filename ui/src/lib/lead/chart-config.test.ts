import { describe, expect, it } from 'vitest';
import { deskFigures } from '../../test/fake-lead-data';
import { toChartConfig } from './chart-config';
import { chartModels, histogram } from './chart-models';
import { businessTime, isoWeek } from './numbers';

describe('the charts’ data', () => {
  const byId = (language: 'fi' | 'sv' | 'en') => Object.fromEntries(chartModels(language, deskFigures()).map((m) => [m.id, m]));

  it('draws the same numbers as the table shows', () => {
    const weekly = byId('en').weekly;
    const config = toChartConfig(weekly);
    expect(config.data.labels).toEqual(['Week 45', 'Week 46', 'Week 47', 'Week 48']);
    expect(config.data.datasets.map((set) => [set.label, set.data])).toEqual([
      ['Kept on time', [11, 13, 14, 11]],
      ['Kept late', [2, 1, 2, 1]],
      ['Broken', [1, 0, 2, 0]],
    ]);
    for (const [index, set] of config.data.datasets.entries()) {
      expect(weekly.table.rows.map((row) => Number(row[index + 1]))).toEqual(set.data);
    }
  });

  it('puts the Pareto line on its own percent axis, with translated axis titles', () => {
    const config = toChartConfig(byId('fi').root_causes);
    const [bars, line] = config.data.datasets;
    expect(bars.data).toEqual([12, 7, 4, 2]);
    expect(line).toMatchObject({ type: 'line', label: 'Kertymä', data: [48, 76, 92, 100], yAxisID: 'share' });
    const scales = config.options?.scales as Record<string, { title: { text: string }; max?: number }>;
    expect(scales.x.title.text).toBe('Juurisyy');
    expect(scales.y.title.text).toBe('Tapaukset');
    expect(scales.share).toMatchObject({ max: 100, title: { text: 'Kertymä' } });
    expect(config.options?.plugins?.legend?.display).toBe(true);
  });

  it('lays the responsibility split on its side, with Swedish words', () => {
    const model = byId('sv').responsibility;
    const config = toChartConfig(model);
    expect(config.options?.indexAxis).toBe('y');
    expect(config.data.labels).toEqual(['Vi', 'Leverantör, importör eller partner', 'Kunden', 'Delat ansvar']);
    expect(model.title).toBe('Vem som var ansvarig');
  });

  it('names every category on its axis, long names on two lines, never every other one', () => {
    const config = toChartConfig(byId('fi').root_causes);
    const scales = config.options?.scales as Record<string, { ticks: { autoSkip?: boolean; callback?: (value: number) => string | string[] } }>;
    expect(scales.x.ticks.autoSkip).toBe(false);
    const label = scales.x.ticks.callback?.call({ getLabelForValue: (index: number) => String(config.data.labels?.[index]) }, 0);
    expect(label).toEqual(String(config.data.labels?.[0]));
    const sideways = toChartConfig(byId('sv').responsibility);
    const side = sideways.options?.scales as Record<string, { ticks: { autoSkip?: boolean; callback?: (value: number) => string | string[] } }>;
    expect(side.y.ticks.autoSkip).toBe(false);
    const long = side.y.ticks.callback?.call({ getLabelForValue: (index: number) => String(sideways.data.labels?.[index]) }, 1);
    expect(long).toEqual(['Leverantör, importör', 'eller partner']);
  });

  it('counts remedy times into business-time bins', () => {
    expect(histogram([0, 59, 60, 239, 240, 479, 480, 959, 960, 2399, 2400, 4799, 4800, 99999])).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(histogram([])).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('says business time in words and numbers weeks the ISO way', () => {
    expect(businessTime('fi', 545)).toBe('1 arkipäivä 1 t');
    expect(businessTime('sv', 125)).toBe('2 h 5 min');
    expect(businessTime('en', 0)).toBe('0 min');
    expect(businessTime('en', null)).toBe('–');
    expect(isoWeek('2026-11-02')).toBe(45);
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2026-12-28')).toBe(53);
  });
});
