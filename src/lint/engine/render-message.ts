// Fills a message template's `{{placeholders}}` from a finding's data; unknown ones stay visible.

export function renderMessage(template: string, data: Record<string, string>): string {
  return template.replace(
    /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g,
    (whole, key: string) => data[key] ?? whole,
  );
}
