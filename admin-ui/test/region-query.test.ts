// A region's key figures through the query layer: one request per offered year with the same document, in the
// order asked whatever order they answer in, nothing asked before the years are known, and years up to this one.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { keyFigureYearsOf, useRegionKeyFigures } from '../src/queries/region';
import { type GraphQLCall, jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';
import { folloKeyFigures } from './region-fixtures';

enableAutoUnmount(afterEach);

const answerOf = (call: GraphQLCall) => {
  const year = (call.body.variables as { year: number }).year;
  return jsonResponse({
    data: { region: { id: 'follo', statistics: folloKeyFigures.find((figures) => figures.year === year) } },
  });
};

describe("a region's key figures", () => {
  it('asks for each year with its own variables and the same document, and keeps the order asked', async () => {
    const held: Array<{ call: GraphQLCall; release: () => void }> = [];
    const { calls } = stubGraphQL(
      (call) => new Promise<Response>((resolve) => held.push({ call, release: () => resolve(answerOf(call)) })),
    );
    const pinia = createPinia();
    const { result } = runInComponent(
      () => useRegionKeyFigures('follo', [2022, 2023, 2024]),
      [pinia, queryLayer(pinia)],
    );
    await flushPromises();

    expect(calls.map((call) => call.body.variables)).toEqual([
      { id: 'follo', year: 2022 },
      { id: 'follo', year: 2023 },
      { id: 'follo', year: 2024 },
    ]);
    expect(new Set(calls.map((call) => call.body.query)).size).toBe(1);
    expect(result.loading.value).toBe(true);

    for (const answer of [...held].reverse()) answer.release();
    await flushPromises();
    expect(result.figures.value.map((figures) => figures.year)).toEqual([2022, 2023, 2024]);
    expect(result.loading.value).toBe(false);
  });

  it('asks nothing until the years are known', async () => {
    const { calls } = stubGraphQL(answerOf);
    const years = ref<number[] | null>(null);
    const pinia = createPinia();
    const { result } = runInComponent(() => useRegionKeyFigures('follo', years), [pinia, queryLayer(pinia)]);
    await flushPromises();
    expect(calls).toHaveLength(0);

    years.value = [2024];
    await flushPromises();
    expect(calls.map((call) => call.body.variables)).toEqual([{ id: 'follo', year: 2024 }]);
    expect(result.figures.value.map((figures) => figures.year)).toEqual([2024]);
  });

  it('shows no figures, and the error, when one year fails', async () => {
    stubGraphQL((call) =>
      (call.body.variables as { year: number }).year === 2023
        ? jsonResponse({ errors: [{ message: 'No access.', extensions: { code: 'FORBIDDEN' } }] })
        : answerOf(call),
    );
    const pinia = createPinia();
    const { result } = runInComponent(() => useRegionKeyFigures('follo', [2022, 2023]), [pinia, queryLayer(pinia)]);
    await flushPromises();
    expect(result.figures.value).toEqual([]);
    expect(result.error.value?.codes).toEqual(['FORBIDDEN']);
  });

  it('shows years up to this one', () => {
    expect(keyFigureYearsOf([2022, 2023, 2024, 2025, 2026, 2027], new Date('2026-12-07T12:00:00Z'))).toEqual([
      2022, 2023, 2024, 2025, 2026,
    ]);
  });
});
