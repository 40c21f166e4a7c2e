// The overview's bar chart: largest first with every region named, suppressed figures apart, and an empty state.
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import OverviewChart from '../src/components/OverviewChart.vue';
import { chartRows } from '../src/composables/chartRows';
import { createStrictI18n, forbidNetwork } from './fixtures';

// happy-dom has no canvas to draw on; the stub keeps what the chart is given.
vi.mock('vue-chartjs', () => ({
  Bar: defineComponent({
    props: { data: Object, options: Object, plugins: Array, ariaLabel: String },
    setup: (props) => () =>
      h('canvas', {
        role: 'img',
        'aria-label': props.ariaLabel,
        'data-labels': JSON.stringify(props.data?.labels),
        'data-values': JSON.stringify(props.data?.datasets?.[0]?.data),
        'data-index-axis': (props.options as { indexAxis?: string } | undefined)?.indexAxis,
        'data-autoskip': String(
          (props.options as { scales?: { y?: { ticks?: { autoSkip?: boolean } } } } | undefined)?.scales?.y?.ticks
            ?.autoSkip,
        ),
      }),
  }),
}));

const format = (value: number) => `${value} stk`;

function mountChart(labels: string[], values: (number | null)[], order?: 'value' | 'given') {
  return mount(OverviewChart, {
    props: { id: 'chart', caption: 'Nye klienter', labels, values, format, ...(order ? { order } : {}) },
    global: { plugins: [createStrictI18n('nb')] },
  });
}

enableAutoUnmount(afterEach);

describe('chartRows', () => {
  it('orders by value, largest first, ties by name, and keeps unknown figures apart', () => {
    const { known, unknown } = chartRows(
      ['Østfold', 'Asker', 'Follo', 'Halden', 'Bærum'],
      [5, 12, null, 12, null],
      'nb',
    );
    expect(known).toEqual([
      { label: 'Asker', value: 12 },
      { label: 'Halden', value: 12 },
      { label: 'Østfold', value: 5 },
    ]);
    expect(unknown.map((row) => row.label)).toEqual(['Bærum', 'Follo']);
  });

  it('keeps the given order for a series', () => {
    const { known } = chartRows(['2022', '2023', '2024'], [3, 9, 1], 'nb', 'given');
    expect(known.map((row) => row.label)).toEqual(['2022', '2023', '2024']);
  });
});

describe('OverviewChart', () => {
  beforeEach(() => forbidNetwork());

  it('draws horizontal bars, largest first, with no region label skipped', () => {
    const wrapper = mountChart(['Follo', 'Halden', 'Asker'], [120, 18, 64]);
    const canvas = wrapper.get('canvas');
    expect(JSON.parse(canvas.attributes('data-labels') ?? '')).toEqual(['Follo', 'Asker', 'Halden']);
    expect(JSON.parse(canvas.attributes('data-values') ?? '')).toEqual([120, 64, 18]);
    expect(canvas.attributes('data-index-axis')).toBe('y');
    expect(canvas.attributes('data-autoskip')).toBe('false');
    // The same figures as text, in the same order.
    expect(wrapper.findAll('tbody tr').map((row) => row.text())).toEqual([
      'Follo120 stk',
      'Asker64 stk',
      'Halden18 stk',
    ]);
  });

  it('leaves suppressed figures out of the bars, says so, and lists them last in the text', () => {
    const wrapper = mountChart(['Follo', 'Halden'], [120, null]);
    expect(JSON.parse(wrapper.get('canvas').attributes('data-labels') ?? '')).toEqual(['Follo']);
    expect(wrapper.get('[data-testid="chart-suppressed-note"]').text()).toContain('færre enn 5');
    expect(wrapper.findAll('tbody th').map((cell) => cell.text())).toEqual(['Follo', 'Halden']);
  });

  it('shows an empty state instead of an empty chart', () => {
    for (const [labels, values] of [
      [[], []],
      [['Follo'], [null]],
    ] as const) {
      const wrapper = mountChart([...labels], [...values]);
      expect(wrapper.find('canvas').exists()).toBe(false);
      expect(wrapper.get('[data-testid="chart-empty"]').text()).toBe('Ingen tall å vise for dette året.');
      expect(wrapper.get('figcaption').text()).toBe('Nye klienter');
    }
  });
});
