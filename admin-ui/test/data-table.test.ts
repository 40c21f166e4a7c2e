// The shared table: sorting by header buttons with aria-sort (unknown values last), the text filter, pages, details rows.
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Component, h } from 'vue';
import DataTable, { type DataColumn } from '../src/components/DataTable.vue';
import { createStrictI18n, forbidNetwork } from './fixtures';

interface Person {
  id: string;
  name: string;
  age: number | null;
}

const people: Person[] = Array.from({ length: 23 }, (_, index) => ({
  id: `p${index + 1}`,
  name: `Person ${String(index + 1).padStart(2, '0')}`,
  // Every fifth age unknown.
  age: (index + 1) % 5 === 0 ? null : 20 + ((index * 7) % 30),
}));

// Mounted as a plain component: test-utils cannot infer a generic component's row type from the props it is given.
const Table = DataTable as Component;

const columns: DataColumn<Person>[] = [
  { key: 'name', label: 'Navn', sortValue: (person) => person.name },
  { key: 'age', label: 'Alder', numeric: true, sortValue: (person) => person.age },
  { key: 'id', label: 'Id' },
];

function mountTable(props: Record<string, unknown> = {}, slots: Record<string, unknown> = {}) {
  return mount(Table, {
    props: {
      caption: 'Personer',
      columns,
      rows: people,
      rowKey: (person: Person) => person.id,
      rowAttrs: (person: Person) => ({ 'data-id': person.id }),
      filterText: (person: Person) => person.name,
      pageSize: 10,
      testId: 'people',
      ...props,
    },
    slots,
    global: { plugins: [createStrictI18n('nb')] },
  });
}

type Wrapper = ReturnType<typeof mountTable>;
const shownIds = (wrapper: Wrapper) => wrapper.findAll('tbody tr[data-id]').map((row) => row.attributes('data-id'));
const header = (wrapper: Wrapper, key: string) => wrapper.get(`th[data-column="${key}"]`);

enableAutoUnmount(afterEach);

describe('DataTable', () => {
  beforeEach(() => forbidNetwork());

  it('names the table by its caption and makes its scroll box a named, focusable section', () => {
    const wrapper = mountTable();
    const caption = wrapper.get('caption');
    expect(caption.text()).toBe('Personer');
    const box = wrapper.get('section.scroll-box');
    expect(box.attributes('tabindex')).toBe('0');
    expect(box.attributes('aria-labelledby')).toBe(caption.attributes('id'));
    // The first column is the row's header, the others plain cells.
    expect(wrapper.get('tbody tr[data-id="p1"] th[scope="row"]').text()).toBe('Person 01');
  });

  it('sorts by a header button, both ways, with aria-sort on the header and unknown values last', async () => {
    const wrapper = mountTable({ pageSize: 0 });
    expect(header(wrapper, 'name').attributes('aria-sort')).toBe('none');
    expect(header(wrapper, 'id').attributes('aria-sort')).toBeUndefined();
    expect(header(wrapper, 'id').find('button').exists()).toBe(false);

    await header(wrapper, 'age').get('button').trigger('click');
    expect(header(wrapper, 'age').attributes('aria-sort')).toBe('ascending');
    const ascending = shownIds(wrapper).map((id) => people.find((person) => person.id === id)?.age ?? null);
    const known = ascending.filter((age) => age !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(ascending.slice(known.length)).toEqual([null, null, null, null]);

    await header(wrapper, 'age').get('button').trigger('click');
    expect(header(wrapper, 'age').attributes('aria-sort')).toBe('descending');
    const descending = shownIds(wrapper).map((id) => people.find((person) => person.id === id)?.age ?? null);
    expect(descending.filter((age) => age !== null)).toEqual([...known].reverse());
    expect(descending.slice(-4)).toEqual([null, null, null, null]);

    await header(wrapper, 'name').get('button').trigger('click');
    expect(header(wrapper, 'name').attributes('aria-sort')).toBe('ascending');
    expect(header(wrapper, 'age').attributes('aria-sort')).toBe('none');
    expect(shownIds(wrapper).slice(0, 3)).toEqual(['p1', 'p2', 'p3']);
  });

  it('shows a page at a time with where it is, and previous and next', async () => {
    const wrapper = mountTable({ initialSort: { key: 'name' } });
    expect(shownIds(wrapper)).toHaveLength(10);
    expect(shownIds(wrapper)[0]).toBe('p1');
    expect(wrapper.get('[data-testid="people-pager-showing"]').text()).toBe('Viser 1–10 av 23');
    expect(wrapper.get<HTMLButtonElement>('[data-testid="people-pager-previous"]').element.disabled).toBe(true);

    await wrapper.get('[data-testid="people-pager-next"]').trigger('click');
    await wrapper.get('[data-testid="people-pager-next"]').trigger('click');
    expect(shownIds(wrapper)).toEqual(['p21', 'p22', 'p23']);
    expect(wrapper.get('[data-testid="people-pager-showing"]').text()).toBe('Viser 21–23 av 23');
    expect(wrapper.get<HTMLButtonElement>('[data-testid="people-pager-next"]').element.disabled).toBe(true);

    // Sorting again starts on the first page of the new order.
    await header(wrapper, 'name').get('button').trigger('click');
    expect(shownIds(wrapper)[0]).toBe('p23');
    expect(wrapper.get('[data-testid="people-pager-showing"]').text()).toBe('Viser 1–10 av 23');
  });

  it('filters by the text a row is found by, from the first page, and says when nothing matches', async () => {
    const wrapper = mountTable();
    await wrapper.get('[data-testid="people-pager-next"]').trigger('click');
    const filter = wrapper.get<HTMLInputElement>('[data-testid="people-filter"]');
    expect(wrapper.get(`label[for="${filter.attributes('id')}"]`).text()).toBe('Filtrer');

    await filter.setValue('person 2');
    expect(shownIds(wrapper)).toEqual(['p20', 'p21', 'p22', 'p23']);
    // All fits one page: no pager.
    expect(wrapper.find('[data-testid="people-pager"]').exists()).toBe(false);

    await filter.setValue('nobody');
    expect(shownIds(wrapper)).toEqual([]);
    expect(wrapper.get('[data-testid="people-no-match"]').text()).toBe('Ingen rader passer filteret.');
  });

  it('opens and closes a details row on demand, tied to its button', async () => {
    const wrapper = mountTable(
      { rowLabel: (person: Person) => person.name },
      { details: ({ row }: { row: Person }) => h('p', { 'data-testid': 'details' }, `Detaljer om ${row.name}`) },
    );
    const toggle = wrapper.get('tr[data-id="p2"] [data-testid="row-details-toggle"]');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(toggle.attributes('aria-label')).toBe('Vis detaljer for Person 02');
    expect(wrapper.find('[data-testid="details"]').exists()).toBe(false);

    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(toggle.attributes('aria-label')).toBe('Skjul detaljer for Person 02');
    const details = wrapper.get('[data-testid="details"]');
    expect(details.text()).toBe('Detaljer om Person 02');
    const detailsRow = details.element.closest('tr');
    expect(detailsRow?.id).toBe(toggle.attributes('aria-controls'));
    expect(detailsRow?.querySelector('td')?.getAttribute('colspan')).toBe('3');

    await toggle.trigger('click');
    expect(wrapper.find('[data-testid="details"]').exists()).toBe(false);
  });

  it('speaks English when asked', () => {
    const wrapper = mount(Table, {
      props: {
        caption: 'People',
        columns,
        rows: people,
        rowKey: (person: Person) => person.id,
        pageSize: 10,
        testId: 'people',
      },
      global: { plugins: [createStrictI18n('en')] },
    });
    expect(wrapper.get('[data-testid="people-pager-showing"]').text()).toBe('Showing 1–10 of 23');
    expect(wrapper.get('[data-testid="people-pager-next"]').text()).toBe('Next');
  });
});
