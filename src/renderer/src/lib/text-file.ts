// Saving text the renderer made (a CSV export) as a file the user downloads: the keys
// grid's export and the activity log's share it.

/** `<prefix>-<organization>-<YYYY-MM-DD>.csv`, with only file-name-safe characters. */
export function exportFileName(prefix: string, organizationName: string, now: Date): string {
  const slug = organizationName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  const day = now.toISOString().slice(0, 10);
  return slug === '' ? `${prefix}-${day}.csv` : `${prefix}-${slug}-${day}.csv`;
}

/** Saves text as a file through a Blob link: a download in the browser and in Electron. */
export function downloadTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked on the next tick: some browsers start the download after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
