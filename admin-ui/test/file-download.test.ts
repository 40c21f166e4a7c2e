// The one download helper behind the CSV and JSON exports: a file name, a blob, an object URL that
// is given back once the browser has the file, and no link left in the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadCsv } from '../src/composables/csv';
import { downloadBlob } from '../src/composables/fileDownload';
import { downloadJson } from '../src/composables/jsonDownload';

function watchDownloads() {
  const created: Blob[] = [];
  const revoked: string[] = [];
  const clicked: { name: string; href: string; hidden: boolean; inPage: boolean }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    created.push(blob as Blob);
    return `blob:file-${created.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url);
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ name: this.download, href: this.href, hidden: this.hidden, inPage: this.isConnected });
  });
  return { created, revoked, clicked };
}

describe('downloadBlob', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('clicks a hidden link to the blob under the file name, removes it, and revokes the URL after that task', () => {
    vi.useFakeTimers();
    const { created, revoked, clicked } = watchDownloads();
    const blob = new Blob(['hei'], { type: 'text/plain' });

    downloadBlob('hilsen.txt', blob);

    expect(created).toEqual([blob]);
    expect(clicked).toEqual([{ name: 'hilsen.txt', href: 'blob:file-1', hidden: true, inPage: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    // Some browsers start the download only after click() has returned: the URL must outlive it.
    expect(revoked).toEqual([]);
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:file-1']);
  });

  it('serves the CSV and the JSON exports alike', async () => {
    vi.useFakeTimers();
    const { created, revoked, clicked } = watchDownloads();

    downloadCsv('liste.csv', [['Navn'], ['Ås']]);
    downloadJson('data.json', { navn: 'Ås' });
    vi.runAllTimers();

    expect(clicked.map((click) => click.name)).toEqual(['liste.csv', 'data.json']);
    expect(created.map((blob) => blob.type)).toEqual(['text/csv;charset=utf-8', 'application/json']);
    // The CSV keeps its byte order mark for Excel.
    const csvBytes = new Uint8Array(await (created[0] as Blob).arrayBuffer());
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csvBytes)).toBe('Navn\r\nÅs');
    expect(revoked).toEqual(['blob:file-1', 'blob:file-2']);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });
});
