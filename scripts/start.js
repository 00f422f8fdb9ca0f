/*
 * `npm start` / `npm stop`: sideloads manifest.xml into desktop Excel (office-addin-debugging), which
 * exists only on Windows and macOS. Elsewhere it says so in one line and what to do instead.
 */
"use strict";

const { spawnSync } = require("child_process");

const verb = process.argv[2] === "stop" ? "stop" : "start";
if (process.platform !== "win32" && process.platform !== "darwin") {
  console.error(
    `npm ${verb}: desktop Excel runs only on Windows and macOS; on ${process.platform} run \`npm run dev-server\` and upload manifest.xml in Excel on the web (Home → Add-ins → More add-ins → Upload my add-in).`,
  );
  process.exit(1);
}
const bin = require.resolve("office-addin-debugging/cli.js");
const r = spawnSync(process.execPath, [bin, verb, "manifest.xml"], { stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
