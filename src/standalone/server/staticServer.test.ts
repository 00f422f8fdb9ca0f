/** The static server of `npm run standalone` and the e2e tests: MIME types, the index, and no way out of its folder. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { resolveUnder, startStaticServer, type StaticServer } from "./staticServer";

/** A raw GET (fetch would normalise `..` away before sending). */
function get(origin: string, path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(origin + "/", { path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startStaticServer", () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), "sverka-static-"));
    root = join(base, "dist");
    mkdirSync(join(root, "assets"), { recursive: true });
    writeFileSync(join(root, "standalone.html"), "<!doctype html><title>x</title>");
    writeFileSync(join(root, "standalone.js"), "console.log(1)");
    writeFileSync(join(root, "assets", "icon.svg"), "<svg/>");
    writeFileSync(join(root, "assets", "icon-16.png"), "png");
    writeFileSync(join(root, "f.woff2"), "w");
    writeFileSync(join(root, "s.css"), "a{}");
    writeFileSync(join(base, "secret.txt"), "outside");
    server = await startStaticServer({ root });
  });

  afterAll(async () => {
    await server.close();
    rmSync(join(root, ".."), { recursive: true, force: true });
  });

  it("listens on the loopback interface on a free port", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it.each([
    ["/standalone.html", "text/html; charset=utf-8"],
    ["/standalone.js", "text/javascript; charset=utf-8"],
    ["/s.css", "text/css; charset=utf-8"],
    ["/assets/icon.svg", "image/svg+xml"],
    ["/assets/icon-16.png", "image/png"],
    ["/f.woff2", "font/woff2"],
  ])("serves %s as %s", async (path, type) => {
    const r = await get(server.origin, path);
    expect(r.status).toBe(200);
    expect(r.type).toBe(type);
  });

  it("serves the standalone page at / and 404 for what is not there", async () => {
    const r = await get(server.origin, "/");
    expect(r.status).toBe(200);
    expect(r.body).toContain("<title>x</title>");
    expect((await get(server.origin, "/nothing.js")).status).toBe(404);
    expect((await get(server.origin, "/assets")).status).toBe(404);
  });

  it("never serves a file outside its folder", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt"]) {
      const r = await get(server.origin, path);
      expect([400, 404]).toContain(r.status);
      expect(r.body).not.toContain("outside");
    }
    expect(resolveUnder(root, "/../secret.txt")).toBeNull();
    expect(resolveUnder(root, "/%E0%A4%A")).toBeNull(); // malformed escape
    expect(resolveUnder(root, "/a/../standalone.html")).toBe(join(root, "standalone.html"));
  });

  it("layers several folders: the first that has the file serves it, none serves outside them", async () => {
    const base = join(root, "..");
    const extra = join(base, "extra");
    mkdirSync(extra);
    writeFileSync(join(extra, "standalone.js"), "shadowed");
    writeFileSync(join(extra, "page.html"), "<!doctype html><title>extra</title>");
    const layered = await startStaticServer({ root: [root, extra] });
    try {
      expect((await get(layered.origin, "/standalone.js")).body).toBe("console.log(1)");
      const page = await get(layered.origin, "/page.html");
      expect(page.status).toBe(200);
      expect(page.body).toContain("<title>extra</title>");
      expect((await get(layered.origin, "/")).body).toContain("<title>x</title>");
      expect((await get(layered.origin, "/nothing.js")).status).toBe(404);
      expect([400, 404]).toContain((await get(layered.origin, "/../secret.txt")).status);
    } finally {
      await layered.close();
    }
  });
});
