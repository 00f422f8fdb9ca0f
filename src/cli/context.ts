/** What every command receives: the output streams, the language, the exit code, usage errors. */
import { ansiPaint, noPaint, type Paint } from "./format";
import { cliText, type CliKey, type Lang } from "./i18n";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  /** stderr is a terminal: progress bars are drawn there (absent: no progress bar). */
  errIsTTY?: boolean;
  /** Terminal width for the progress bar (default 80). */
  errColumns?: number;
}

/** Wrong arguments or an input that cannot be used: printed as «sverka: …», exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export class Cli {
  readonly paint: Paint;
  exitCode = EXIT_OK;

  constructor(
    readonly io: CliIO,
    readonly lang: Lang,
  ) {
    this.paint = io.isTTY ? ansiPaint : noPaint;
  }

  text(key: CliKey, params: Readonly<Record<string, string | number>> = {}): string {
    return cliText(this.lang, key, params);
  }

  /** A name or value quoted as the language quotes it: «…» in Russian, “…” in English. */
  quote(text: string): string {
    return this.lang === "ru" ? `«${text}»` : `“${text}”`;
  }

  usage(key: CliKey, params: Readonly<Record<string, string | number>> = {}): UsageError {
    return new UsageError(this.text(key, params));
  }
}
