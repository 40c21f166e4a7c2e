// The CSV writer: RFC 4180 quoting with `;` as separator, CRLF line ends, and the BOM Excel needs.
import { describe, expect, it } from 'vitest';
import { csvBlob, csvField, toCsv } from '../src/composables/csv';
import { nokToOre } from '../src/composables/overviewFigures';

describe('csv', () => {
  it('leaves plain fields alone and quotes those with a separator, comma, quote or line break', () => {
    expect(csvField('Follo')).toBe('Follo');
    expect(csvField('Ås')).toBe('Ås');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('1,5')).toBe('"1,5"');
    expect(csvField('Sa "Hei"')).toBe('"Sa ""Hei"""');
    expect(csvField('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });

  it('joins fields with ";" and rows with CRLF', () => {
    expect(
      toCsv([
        ['Region', 'Merknad'],
        ['Follo', 'a;b'],
      ]),
    ).toBe('Region;Merknad\r\nFollo;"a;b"');
  });

  it('starts the file with a UTF-8 byte order mark', async () => {
    const bytes = new Uint8Array(await csvBlob('Ås').arrayBuffer());
    expect([...bytes]).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0x85, 0x73]);
  });
});

describe('nokToOre', () => {
  it('reads NOK decimal strings exactly, as whole øre', () => {
    expect(nokToOre('1096500.00')).toBe(109650000n);
    expect(nokToOre('0.1')).toBe(10n);
    expect(nokToOre('-5.05')).toBe(-505n);
    // Beyond what a float can hold to the øre.
    expect(nokToOre('90071992547409.93')).toBe(9007199254740993n);
    expect(nokToOre('1e5')).toBeNull();
    expect(nokToOre(null)).toBeNull();
  });
});

describe('cells a spreadsheet would run as formulas', () => {
  it('are written as text, numbers and phone numbers as they are', () => {
    expect(toCsv([['=HYPERLINK("http://x")', '@SUM(A1)', '+cmd', '-2+3', '-1 234,50', '+47 912 34 567', 'Ås']])).toBe(
      `"'=HYPERLINK(""http://x"")";'@SUM(A1);'+cmd;'-2+3;"-1 234,50";+47 912 34 567;Ås`,
    );
  });
});
