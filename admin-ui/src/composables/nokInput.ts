// Reads a NOK amount typed by a person ("1 500", "1500,5", "1500.50") into the exact decimal string the gateway takes ("1500.50").
const amountPattern = /^(\d+)(?:[.,](\d{1,2}))?$/;

/** The amount as "1500.00", or null when it is not kroner with at most two decimals. */
export function parseNokInput(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const match = amountPattern.exec(compact);
  if (!match) return null;
  const kroner = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  const ore = (match[2] ?? '').padEnd(2, '0');
  return `${kroner}.${ore}`;
}
