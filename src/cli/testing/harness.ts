/** Test harness for the CLI: runs `main` with captured output. */
import { join } from "node:path";
import { main } from "../main";

/** The path of a file under `samples/`. */
export const sample = (file: string): string => join(__dirname, "..", "..", "..", "samples", file);

/** The keys of an issue in the JSON contract, sorted (validate's and consolidate's issues alike). */
/** The keys of an issue in the JSON report (`params` added with the message templates). */
export const ISSUE_KEYS = ["cell", "code", "column", "field", "message", "params", "row", "severity", "sheet"];

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}
