/**
 * Screenshots as test artefacts (issue 11): the Lazo monitoring sample's dashboard copy
 * (`sverka dashboard`) and its справка (`sverka report`), converted by LibreOffice to PDF and by
 * poppler's `pdftoppm` to PNG under `test-artifacts/screenshots/`: the dashboard's pages and the
 * справка's first page. Without LibreOffice the xlsx and docx are still written and the script
 * says what it skipped (exit 0); `--require` makes a missing converter an error (CI).
 *
 *   npx tsx scripts/screenshots.ts [--require]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../src/cli/main";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "test-artifacts", "screenshots");
const SAMPLE = join(ROOT, "samples", "effektivnaya-shkola-2023.monitoring.xlsx");
const AS_OF = "2023-12-31";

function which(cmd: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function cli(...argv: string[]): Promise<void> {
  const code = await main(argv, {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: false,
  });
  if (code !== 0) throw new Error(`sverka ${argv[0]} завершилась с кодом ${code}`);
}

/** PDF pages whose text holds `needle` (1-based), by `pdftotext` (pages are separated by form feeds). */
function pagesWith(pdf: string, needle: string): number[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return text
    .split("\f")
    .map((page, i) => (page.includes(needle) ? i + 1 : 0))
    .filter((n) => n > 0);
}

function png(pdf: string, first: number, last: number, prefix: string): void {
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", String(first), "-l", String(last), pdf, join(OUT, prefix)]);
}

async function run(): Promise<void> {
  const require = process.argv.includes("--require");
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const xlsx = join(OUT, "lazo-dashboard.xlsx");
  const docx = join(OUT, "lazo-spravka.docx");
  await cli("dashboard", SAMPLE, "--as-of", AS_OF, "--out", xlsx);
  await cli("report", SAMPLE, "--as-of", AS_OF, "--out", docx);

  const missing = ["soffice", "pdftoppm", "pdftotext"].filter((c) => !which(c));
  if (missing.length) {
    const msg = `screenshots: нет ${missing.join(", ")} (apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils): PDF и PNG не созданы.`;
    if (require) throw new Error(msg);
    process.stdout.write(`${msg}\n`);
    return;
  }
  // A private LibreOffice profile: no clash with a running office, nothing left in $HOME.
  const profile = mkdtempSync(join(tmpdir(), "sverka-lo-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        OUT,
        xlsx,
        docx,
      ],
      { stdio: "ignore", timeout: 300_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const dashPdf = join(OUT, "lazo-dashboard.pdf");
  const docPdf = join(OUT, "lazo-spravka.pdf");
  for (const f of [dashPdf, docPdf]) if (!existsSync(f)) throw new Error(`LibreOffice не создал ${f}`);
  // The dashboard's pages: from the one with the head line to the one with the ФЛК summary.
  const dash = pagesWith(dashPdf, "Целевые показатели");
  const flk = pagesWith(dashPdf, "Проверка (ФЛК) по листам");
  if (!dash.length) throw new Error("в PDF дашборда нет строки «Целевые показатели»");
  png(dashPdf, dash[0], Math.max(dash[0], flk.find((p) => p >= dash[0]) ?? dash[0]), "lazo-dashboard");
  png(docPdf, 1, 1, "lazo-spravka");
  process.stdout.write(
    `screenshots: ${readdirSync(OUT)
      .filter((f) => f.endsWith(".png"))
      .join(", ")} в ${OUT}\n`,
  );
}

run().catch((e: unknown) => {
  process.stderr.write(`screenshots: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
