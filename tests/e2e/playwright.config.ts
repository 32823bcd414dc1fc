// End-to-end tests: Debian's Chromium (never a downloaded browser) against the release build in
// dist/, served over real HTTP by the mock Basiq server on 127.0.0.1, and by basiq-gateway in
// front of a mock.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
/** A second server whose config.json points the app at the mock API (tests set it). */
export const apiPort = port + 1;
/** A third server for the example host page (examples/host.html) that embeds the app. */
export const hostPort = port + 2;
/** A fourth server: the app under a sub-path (`/tools/jobs/`) with the strict policy. */
export const subPort = port + 3;
/** A fifth server: the mock API alone, behind the gateway. */
export const upstreamPort = port + 4;
/** basiq-gateway serving dist/ and forwarding to the fifth server (tests/e2e/gateway/). */
export const gatewayPort = port + 5;
/** A second basiq-gateway, the same but with `--allow-purge`. */
export const purgeGatewayPort = port + 6;
/** The API key the gateway holds (the gateway spec makes the mock demand it). */
export const gatewayKey = 'e2e-gateway-key-4b1d';
/** The strict policy the second server sends with the app (README: Hosting). */
export const strictCsp =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

export default defineConfig({
  testDir: '.',
  outputDir: './artifacts/results',
  timeout: 60_000,
  // First loads compile the wasm; on a busy 2-core machine that alone can take seconds.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    [`--port ${port} --static ../../dist`, `http://127.0.0.1:${port}/`],
    [`--port ${apiPort} --static ../../dist --csp "${strictCsp}"`, `http://127.0.0.1:${apiPort}/`],
    [`--port ${hostPort} --static ../../examples`, `http://127.0.0.1:${hostPort}/host.html`],
    [`--port ${subPort} --static ../../dist --base /tools/jobs/ --csp "${strictCsp}"`, `http://127.0.0.1:${subPort}/tools/jobs/`],
    [`--port ${upstreamPort}`, `http://127.0.0.1:${upstreamPort}/__mock/requests`],
  ].map(([args, url]) => ({
    command: `../../target/debug/mock-basiq ${args}`,
    url,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })).concat([{
    command: `../../target/debug/basiq-gateway --listen 127.0.0.1:${gatewayPort} --dist ../../dist --api-url http://127.0.0.1:${upstreamPort} --users gateway/users.json --app-config gateway/app.json`,
    url: `http://127.0.0.1:${gatewayPort}/healthz`,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: { BASIQ_API_KEY: gatewayKey },
  }, {
    command: `../../target/debug/basiq-gateway --listen 127.0.0.1:${purgeGatewayPort} --dist ../../dist --api-url http://127.0.0.1:${upstreamPort} --users gateway/users.json --app-config gateway/app.json --allow-purge`,
    url: `http://127.0.0.1:${purgeGatewayPort}/healthz`,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: { BASIQ_API_KEY: gatewayKey },
  }]),
});
