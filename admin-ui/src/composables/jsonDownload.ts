// Saving a value as a JSON file from the browser, e.g. a person's data export.
import { downloadBlob } from './fileDownload';

/** Starts the download of `value` as pretty-printed UTF-8 JSON named `fileName`. */
export function downloadJson(fileName: string, value: unknown): void {
  downloadBlob(fileName, new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
}
