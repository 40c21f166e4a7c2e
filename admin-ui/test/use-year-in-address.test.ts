// The year a page shows, kept in the address: read back with the page's own fallback, and changed by the year select.
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useYearInAddress, type YearInAddressOptions } from '../src/composables/useYearInAddress';

async function mountAt(path: string, options: YearInAddressOptions = {}) {
  const Page = defineComponent({
    setup() {
      const { selectedYear, chooseYear } = useYearInAddress(options);
      return () =>
        h('select', { value: String(selectedYear.value), onChange: chooseYear }, [
          h('option', { value: '2023' }, '2023'),
          h('option', { value: '2025' }, '2025'),
        ]);
    },
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/meetings', component: Page }] });
  await router.push(path);
  await router.isReady();
  const wrapper = mount({ render: () => h(Page) }, { global: { plugins: [router] } });
  return { wrapper, router };
}

describe('useYearInAddress', () => {
  it("shows the address's year, or the page's fallback for none or one outside the overview's years", async () => {
    expect((await mountAt('/meetings?year=2023')).wrapper.get('select').element.value).toBe('2023');
    const fallback = { fallback: () => 2025 };
    expect((await mountAt('/meetings', fallback)).wrapper.get('select').element.value).toBe('2025');
    expect((await mountAt('/meetings?year=1999', fallback)).wrapper.get('select').element.value).toBe('2025');
  });

  it("puts the chosen year into the address, keeping the rest of the query and dropping the old year's fragment", async () => {
    const { wrapper, router } = await mountAt('/meetings?year=2023&region=follo#meeting-1');
    await wrapper.get('select').setValue('2025');
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.currentRoute.value.query).toEqual({ year: '2025', region: 'follo' });
    expect(router.currentRoute.value.hash).toBe('');
  });
});
