/**
 * The `sverka` command line. Exit codes: 0 no errors, 1 errors found (consolidate: a file not merged,
 * merged partly, unreadable, or a school sent twice), 2 unreadable input or bad arguments.
 *
 * Each command is a `register…(program, cli)` in `commands/`; its flags come from `options.ts`
 * (declared once), its words from `i18n.ts` (`--lang ru|en`, default Russian, commander's own help
 * and errors included); the pipeline is the app's (`src/app/`), the file host loads on first use.
 */
import { Command, CommanderError } from "commander";
import { version } from "../../package.json";
import { registerConsolidate } from "./commands/consolidate";
import { registerDashboard } from "./commands/dashboard";
import { registerIndicators } from "./commands/indicators";
import { registerReport } from "./commands/report";
import { registerTemplates } from "./commands/templates";
import { registerValidate } from "./commands/validate";
import { Cli, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from "./context";
import { cliText, helpTitle, langFromArgv, translateCommanderError, usageWords } from "./i18n";

export { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type CliIO } from "./context";

/** The commands, in the order the help lists them. */
const COMMANDS: ((program: Command, cli: Cli) => void)[] = [
  registerValidate,
  registerIndicators,
  registerDashboard,
  registerReport,
  registerConsolidate,
  registerTemplates,
];

const defaultIO: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  errIsTTY: !!process.stderr.isTTY,
  errColumns: process.stderr.columns,
};

/** The program with every command, its help in the CLI's language. */
export function buildProgram(cli: Cli): Command {
  const program = new Command();
  const t = (key: Parameters<Cli["text"]>[0]) => cli.text(key);
  program
    .name("sverka")
    .description(t("program"))
    .version(version, "-V, --version", t("version"))
    .option("--lang <lang>", t("lang"))
    .helpOption("-h, --help", t("help"))
    .helpCommand("help [command]", t("helpCommand"))
    .configureHelp({
      styleTitle: (title) => helpTitle(cli.lang, title),
      styleUsage: (text) => usageWords(cli.lang, text),
      styleSubcommandTerm: (text) => usageWords(cli.lang, text),
    })
    .configureOutput({
      writeOut: cli.io.out,
      writeErr: cli.io.err,
      outputError: (text, write) => write(translateCommanderError(cli.lang, text)),
    })
    .exitOverride()
    .showHelpAfterError();
  // Commands created after this inherit the help, output and exit settings above.
  for (const register of COMMANDS) register(program, cli);
  return program;
}

export async function main(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  const lang = langFromArgv(argv);
  if (typeof lang !== "string") {
    io.err(`sverka: ${cliText("ru", "badLang", { value: lang.invalid })}\n`);
    return EXIT_USAGE;
  }
  const cli = new Cli(io, lang);
  const program = buildProgram(cli);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return cli.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
        return EXIT_OK;
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      io.err(`sverka: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
