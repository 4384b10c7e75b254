import { createProgressWriter, formatDuration, formatProgress } from './seed-progress.util';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

describe('seed progress', () => {
  it('shows bar, percentage, count, rate and ETA', () => {
    expect(formatProgress(250_000, 1_000_000, 50_000)).toBe('[######------------------]   25.0%  250,000/1,000,000  5,000/s  ETA 2m 30s');
    expect(formatProgress(0, 10, 0)).toBe('[------------------------]    0.0%  0/10  0/s  ETA --');
    expect(formatProgress(10, 10, 2000)).toContain('100.0%  10/10  5/s  ETA 0.0s');
  });

  it('formats durations for people', () => {
    expect(formatDuration(950)).toBe('0.9s');
    expect(formatDuration(42_400)).toBe('42s');
    expect(formatDuration(75_000)).toBe('1m 15s');
    expect(formatDuration(7_260_000)).toBe('2h 01m');
  });

  it('redraws one line on a terminal, at most ten times a second, and ends it', () => {
    let t = 0;
    const { stream, writes } = recorder(true);
    const progress = createProgressWriter(stream, () => t);
    progress.update(0, 100);
    t = 50;
    progress.update(10, 100); // too soon: skipped
    t = 200;
    progress.update(20, 100);
    t = 210;
    progress.update(100, 100); // the end is always drawn
    progress.finish();
    expect(writes).toHaveLength(4);
    expect(writes.slice(0, 3).every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true);
    expect(writes[2]).toContain('100/100');
    expect(writes[3]).toBe('\n');
  });

  it('writes plain lines every 10% when not a terminal', () => {
    const { stream, writes } = recorder(false);
    const progress = createProgressWriter(stream, () => 1000);
    for (let done = 0; done <= 1000; done += 50) progress.update(done, 1000);
    progress.finish();
    expect(writes).toHaveLength(11);
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
    expect(writes[10]).toContain('1,000/1,000');
  });
});
