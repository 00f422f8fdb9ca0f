/**
 * LibreOffice as a second engine in tests: whether `soffice` is installed, and a headless
 * conversion in a throw-away profile (so parallel test files never share one).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** The LibreOffice command on PATH (`soffice` or `libreoffice`), or undefined. */
export function soffice(): string | undefined {
  for (const bin of ["soffice", "libreoffice"])
    try {
      execFileSync("which", [bin], { stdio: "pipe" });
      return bin;
    } catch {
      // not installed
    }
  return undefined;
}

/**
 * Converts `file` (a path in `dir`) to the format `to` («ods», «xls», «pdf» …) into `dir`, with a
 * user profile inside `dir`; returns the converted file's path.
 */
export function convertWithLibreOffice(lo: string, dir: string, file: string, to: string): string {
  execFileSync(
    lo,
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      dir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const base = file.slice(file.lastIndexOf("/") + 1).replace(/\.[^.]+$/u, "");
  return join(dir, `${base}.${to}`);
}
