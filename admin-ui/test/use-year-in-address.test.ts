// The year a page shows, kept in the address: read back against the years the graph offers, with the
// page's own fallback, and changed by the year select.
import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useYearInAddress, type YearInAddressOptions } from '../src/composables/useYearInAddress';
import { useYearsStore } from '../src/stores/years';

async function mountAt(
  path: string,
  options: YearInAddressOptions = {},
  years: number[] | null = [2022, 2023, 2024, 2025],
) {
  const Page = defineComponent({
    setup() {
      const { selectedYear, offeredYears, chooseYear } = useYearInAddress(options);
      return () =>
        h(
          'select',
          { value: String(selectedYear.value), onChange: chooseYear },
          offeredYears.value.map((year) => h('option', { value: String(year) }, String(year))),
        );
    },
  });
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { years: { years } } });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/meetings', component: Page }] });
  await router.push(path);
  await router.isReady();
  const wrapper = mount({ render: () => h(Page) }, { global: { plugins: [pinia, router] } });
  return { wrapper, router, yearsStore: useYearsStore(pinia) };
}

const options = (wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper']) =>
  wrapper.findAll('option').map((option) => option.text());

describe('useYearInAddress', () => {
  it("shows the address's year when the graph offers it, else the page's fallback", async () => {
    expect((await mountAt('/meetings?year=2023')).wrapper.get('select').element.value).toBe('2023');
    const fallback = { fallback: () => 2025 };
    expect((await mountAt('/meetings', fallback)).wrapper.get('select').element.value).toBe('2025');
    expect((await mountAt('/meetings?year=1999', fallback)).wrapper.get('select').element.value).toBe('2025');
    expect((await mountAt('/meetings?year=2027', fallback)).wrapper.get('select').element.value).toBe('2025');
  });

  it('offers the years the graph gives, asking for them once', async () => {
    const { wrapper, yearsStore } = await mountAt('/meetings?year=2023', {}, [2022, 2023, 2024, 2025, 2026, 2027]);
    expect(options(wrapper)).toEqual(['2022', '2023', '2024', '2025', '2026', '2027']);
    expect(yearsStore.load).toHaveBeenCalledTimes(1);
  });

  it('takes any year of the service while the years are not known yet, and offers only that one', async () => {
    const { wrapper } = await mountAt('/meetings?year=2027', {}, null);
    expect(wrapper.get('select').element.value).toBe('2027');
    expect(options(wrapper)).toEqual(['2027']);
  });

  it("puts the chosen year into the address, keeping the rest of the query and dropping the old year's fragment", async () => {
    const { wrapper, router } = await mountAt('/meetings?year=2023&region=follo#meeting-1');
    await wrapper.get('select').setValue('2025');
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.currentRoute.value.query).toEqual({ year: '2025', region: 'follo' });
    expect(router.currentRoute.value.hash).toBe('');
  });
});
