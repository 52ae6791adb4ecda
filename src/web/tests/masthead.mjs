// Starts the built Masthead (target/quarkus-app) the way a newsroom would try it: in a fresh
// working directory, with its embedded PostgreSQL and demo content, and an admin token we choose.
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const JAR = process.env.MASTHEAD_JAR ?? resolve(here, "../../../target/quarkus-app/quarkus-run.jar");

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

export async function startMasthead() {
  const dir = mkdtempSync(join(tmpdir(), "masthead-e2e-"));
  const port = await freePort();
  const token = `e2e-${Math.random().toString(36).slice(2)}`;
  const log = join(dir, "masthead.log");
  const out = openSync(log, "a");
  const java = spawn("java", ["-jar", JAR], {
    cwd: dir,
    env: { ...process.env, MASTHEAD_ADMIN_TOKEN: token, QUARKUS_HTTP_PORT: String(port), QUARKUS_HTTP_HOST: "127.0.0.1" },
    stdio: ["ignore", out, out],
  });
  const exited = new Promise((ok) => java.once("exit", ok));
  const baseUrl = `http://127.0.0.1:${port}`;
  // A loaded 2-core machine takes a while to unpack PostgreSQL and migrate; bounded all the same.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (java.exitCode !== null) throw new Error(`Masthead exited with ${java.exitCode}; see ${log}`);
    try {
      if ((await fetch(`${baseUrl}/q/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      java.kill("SIGKILL");
      throw new Error(`Masthead was not ready within 240 s; see ${log}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }

  async function admin(method, path, body, headers = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return { json: text ? JSON.parse(text) : undefined, etag: response.headers.get("etag") };
  }

  async function stop() {
    if (java.exitCode === null) {
      // SIGTERM lets Quarkus stop and its shutdown hook stop the embedded PostgreSQL.
      java.kill("SIGTERM");
      const timer = setTimeout(() => java.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  }

  return { baseUrl, token, admin, stop, log };
}

/** Writes and publishes an article through the Admin API; returns the published admin article. */
export async function publish(masthead, write) {
  const created = await masthead.admin("POST", "/api/v1/admin/articles", write);
  const published = await masthead.admin("POST", `/api/v1/admin/articles/${created.json.id}/publish`, {},
    { "If-Match": created.etag });
  return published;
}
