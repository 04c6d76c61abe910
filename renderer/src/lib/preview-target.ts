/** A Service port to show in the preview pane. */
export interface PreviewTarget {
  namespace: string;
  service: string;
  port: number;
}
