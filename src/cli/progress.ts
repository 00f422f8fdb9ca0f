/**
 * A one-line progress bar for a terminal, redrawn in place with «\r» (no dependency). Only drawn
 * when the stream is a TTY; callers pass `null` otherwise.
 */

const BAR = 24;

/** «[██████░░░░░░] 12/30 oo-khor.xlsx», cut to `columns` characters. */
export function progressLine(done: number, total: number, label: string, columns = 80): string {
  const filled = total > 0 ? Math.round((BAR * Math.min(done, total)) / total) : BAR;
  const text = `Сведение [${"█".repeat(filled)}${"░".repeat(BAR - filled)}] ${done}/${total} ${label}`;
  const max = Math.max(10, columns - 1);
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

export class ProgressBar {
  private shown = false;

  constructor(
    private readonly write: (s: string) => void,
    private readonly columns = 80,
  ) {}

  update(done: number, total: number, label: string): void {
    // «\r» back to the line start, «\x1b[K» clears what a longer previous line left.
    this.write(`\r${progressLine(done, total, label, this.columns)}\x1b[K`);
    this.shown = true;
  }

  /** Clears the line, so that what follows starts on a clean line. */
  end(): void {
    if (this.shown) this.write("\r\x1b[K");
    this.shown = false;
  }
}
