/**
 * Every flag of the CLI, declared once: a command names the flags it takes (`withOptions`), so
 * `--template` means the same everywhere and its help text is written in one place.
 */
import { Option, type Command } from "commander";
import type { Cli } from "./context";
import type { CliKey } from "./i18n";

const FLAGS = {
  template: { flags: "-t, --template <id>", help: "opt.template" },
  templateFile: { flags: "--template-file <file...>", help: "opt.templateFile" },
  asOf: { flags: "--as-of <date>", help: "opt.asOf" },
  json: { flags: "--json", help: "opt.json" },
  out: { flags: "-o, --out <file>", help: "opt.out", required: true },
  into: { flags: "--into <file>", help: "opt.into", required: true },
  mergeValidRows: { flags: "--merge-valid-rows", help: "opt.mergeValidRows" },
  schools: { flags: "--schools", help: "opt.schools" },
} satisfies Record<string, { flags: string; help: CliKey; required?: boolean }>;

export type FlagName = keyof typeof FLAGS;

/** What the shared flags parse into. */
export interface ProjectOptions {
  template?: string;
  templateFile?: string[];
  asOf?: string;
  json?: boolean;
}

/** Adds the named flags to `cmd`, described in the CLI's language. */
export function withOptions(cmd: Command, cli: Cli, names: readonly FlagName[]): Command {
  for (const name of names) {
    const f: { flags: string; help: CliKey; required?: boolean } = FLAGS[name];
    const option = new Option(f.flags, cli.text(f.help));
    cmd.addOption(f.required ? option.makeOptionMandatory() : option);
  }
  return cmd;
}
