// Offsets to 1-based lines and columns, by binary search over line starts.

export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i >= 0) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

export function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

export function lineText(text: string, starts: number[], line: number): string {
  const s = starts[line - 1] ?? text.length;
  const e = starts[line] ?? text.length + 1;
  return text.slice(s, e - 1).replace(/\r$/, '');
}
