// The rows of a bar chart: largest first (a ranking reads top-down), ties by name, or in the given order for a series
// (years); the unknown (suppressed) figures apart, since a missing bar would read as zero.
export interface ChartRow {
  label: string;
  value: number | null;
}

export function chartRows(
  labels: readonly string[],
  values: readonly (number | null)[],
  locale: string,
  order: 'value' | 'given' = 'value',
) {
  // vue-i18n formats but does not compare, so ties go by the language's own collation.
  const collator = new Intl.Collator(locale);
  const rows: ChartRow[] = labels.map((label, index) => ({ label, value: values[index] ?? null }));
  const known = rows.filter((row): row is { label: string; value: number } => row.value !== null);
  const unknown = rows.filter((row) => row.value === null);
  if (order === 'value') {
    known.sort((a, b) => b.value - a.value || collator.compare(a.label, b.label));
    unknown.sort((a, b) => collator.compare(a.label, b.label));
  }
  return { known, unknown };
}
