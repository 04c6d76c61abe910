// Saving the lab's progress report from the app: the main process made the page
// (scenarios:report); the browser's own download saves it, so no new channel is needed and both
// transports (Electron, browser mode) work alike.

/** kubelab-report-<lab>-<YYYY-MM-DD-HHMM>Z.html: sorts by time, one per lab and minute. */
export function reportFileName(lab: string, generatedAt: string): string {
  const when = new Date(Date.parse(generatedAt) || 0).toISOString();
  return `kubelab-report-${lab}-${when.slice(0, 10)}-${when.slice(11, 13)}${when.slice(14, 16)}Z.html`;
}

/** Offers `html` as a download named `fileName`, through a link to a Blob clicked once. */
export function downloadHtml(html: string, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has read the Blob by the next turn in Chromium, but not at once everywhere:
  // a short grace before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
