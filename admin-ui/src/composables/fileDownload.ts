// Saving a file the console made (a CSV export, a person's data export) from the browser.

/** Lets the browser save `blob` under `fileName`, through a temporary object URL and a hidden link. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: some browsers start the download only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
