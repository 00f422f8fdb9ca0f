/**
 * A tiny static file server (Node only, no dependency) for `npm run standalone` and the e2e tests:
 * serves a folder (dist/) over http on the loopback interface, with the MIME types the built
 * pages need. GET and HEAD only; paths never leave the folder. The e2e tests layer more folders
 * under dist/ (the test-only task pane page, the samples): a path is looked up in each folder in
 * turn and the first file found wins.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

export const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".svg": "image/svg+xml",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

export interface StaticServer {
  readonly server: Server;
  readonly port: number;
  /** `http://<host>:<port>` (no trailing slash). */
  readonly origin: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Folder to serve, or folders looked up in this order (the first that has the file serves it). */
  root: string | readonly string[];
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to listen on; loopback by default (the page is for this machine). */
  host?: string;
  /** What `/` serves. */
  index?: string;
}

/** The file under `root` that `urlPath` names, or null when it would leave `root`. */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const base = resolve(root);
  const full = normalize(join(base, decoded));
  return full === base || full.startsWith(base + sep) ? full : null;
}

/** The first of `files` that is a regular file (null when none is). */
async function firstFile(files: readonly string[]): Promise<{ file: string; size: number } | null> {
  for (const file of files) {
    const st = await stat(file).catch(() => null);
    if (st?.isFile()) return { file, size: st.size };
  }
  return null;
}

export function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const roots = (typeof options.root === "string" ? [options.root] : options.root).map((r) => resolve(r));
  const index = options.index ?? "standalone.html";
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    const send = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : text);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "Method Not Allowed", { Allow: "GET, HEAD" });
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const wanted = pathname === "/" ? `/${index}` : pathname;
    const files = roots.map((root) => resolveUnder(root, wanted));
    if (files.includes(null)) return send(400, "Bad Request");
    firstFile(files.filter((f): f is string => f !== null)).then(
      (found) => {
        if (!found) return send(404, "Not Found");
        const { file, size } = found;
        res.writeHead(200, {
          "Content-Type": mimeType(file),
          "Content-Length": String(size),
          "Cache-Control": "no-cache",
          "X-Content-Type-Options": "nosniff",
        });
        if (req.method === "HEAD") return res.end();
        createReadStream(file)
          .on("error", () => res.destroy())
          .pipe(res);
      },
      () => send(404, "Not Found"),
    );
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolvePromise({
        server,
        port,
        origin: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((e) => (e ? fail(e) : done()));
          }),
      });
    });
  });
}
