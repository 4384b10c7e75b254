/** Progress for the seed command: one redrawn line on a terminal, occasional plain lines otherwise. */
export interface ProgressWriter {
  update(done: number, total: number): void;
  finish(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR_WIDTH = 24;
const COUNT = new Intl.NumberFormat('en-GB');

/** "[#########---------------]  37.5%  375,000/1,000,000  5,120/s  ETA 2m 02s" */
export function formatProgress(done: number, total: number, elapsedMs: number): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const eta = rate > 0 ? ((total - done) / rate) * 1000 : null;
  return [
    `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`,
    `${(fraction * 100).toFixed(1).padStart(5)}%`,
    `${formatCount(done)}/${formatCount(total)}`,
    `${formatCount(Math.round(rate))}/s`,
    `ETA ${eta === null ? '--' : formatDuration(eta)}`,
  ].join('  ');
}

export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** 950 ms → "0.9s", 75 s → "1m 15s", 2 h → "2h 00m". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 10) return `${s.toFixed(1)}s`;
  if (s < 60) return `${Math.round(s)}s`;
  const totalSeconds = Math.round(s);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const sec = totalSeconds % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(sec).padStart(2, '0')}s`;
}

export function createProgressWriter(stream: ProgressStream, now: () => number = Date.now): ProgressWriter {
  const started = now();
  let lastDraw = -Infinity;
  let lastLinePercent = -1;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (stream.isTTY) {
        // Redraw at most ten times a second, always at the end.
        if (t - lastDraw < 100 && done < total) return;
        lastDraw = t;
        drawn = true;
        stream.write(`\r${formatProgress(done, total, t - started)}\x1b[K`);
        return;
      }
      // Logs and pipes get a plain line every 10% (and at the end).
      const percent = total > 0 ? Math.floor((done / total) * 10) * 10 : 100;
      if (percent === lastLinePercent && done < total) return;
      lastLinePercent = percent;
      stream.write(`${formatProgress(done, total, t - started)}\n`);
    },
    finish() {
      if (stream.isTTY && drawn) stream.write('\n');
    },
  };
}
