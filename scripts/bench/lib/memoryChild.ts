/**
 * The memory bench's child, bundled as the built `sverka` command is (see `child.ts`): reads
 * `<file>` as the CLI does and prints one JSON line: rows read, the last row's first value, CPU
 * seconds of the read and the process's peak RSS. `bareChild.ts` gives node's own peak beside it.
 */
import { readWorkbookFile } from "../../../src/hosts/xlsx/node";
import { cpu, peakRssMb } from "./measure";

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  const c0 = cpu();
  const wb = await readWorkbookFile(file);
  const rows = wb.sheets[0].rows;
  process.stdout.write(
    `${JSON.stringify({ rows: rows.length, last: rows.at(-1)?.[0], cpu: cpu() - c0, maxRssMb: peakRssMb() })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
