/** `npm run standalone`: builds dist/ if it is missing or stale, serves it and prints the page's URL. */
import { ensureProductionBuild, DIST, STANDALONE_PAGE } from "./build";
import { startStaticServer } from "./staticServer";

async function main(): Promise<void> {
  ensureProductionBuild();
  const port = Number(process.env.PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT: expected a port number, got «${process.env.PORT}»`);
  const host = process.env.HOST ?? "localhost";
  const s = await startStaticServer({ root: DIST, port, host });
  console.log(`Сверка без Excel: http://${host}:${s.port}/${STANDALONE_PAGE}  (Ctrl+C — остановить)`);
  const stop = () => void s.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`standalone: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
