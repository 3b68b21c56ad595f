import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { launchChromium } from './browser.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.ts';

export interface WebTest {
  /** the server (demo region, own temp data folder), started in beforeAll (reading it earlier throws) */
  readonly server: TestServer;
  /** Debian's Chromium, launched in beforeAll */
  readonly browser: Browser;
  /** the server's base URL, such as http://127.0.0.1:41234 */
  readonly url: string;
  /**
   * A new page in a browser context of its own (`options`: viewport, locale…), signed in through the API as `email`
   * (demo password unless given) and not navigated yet; throws when the sign-in is refused. Closing the page closes
   * its context.
   */
  signedInPage: (email: string, options: BrowserContextOptions, password?: string) => Promise<Page>;
}

/**
 * For one describe block of browser tests: a real server on the demo data with its own temp data folder and a
 * Chromium, started in beforeAll and closed, data folder removed, in afterAll.
 */
export function useWebTest(options: TestServerOptions = {}): WebTest {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer({ demo: true, ...options });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const web: WebTest = {
    get server() {
      if (!server) throw new Error('the test server is used before beforeAll started it');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is used before beforeAll launched it');
      return browser;
    },
    get url() {
      return web.server.url;
    },
    signedInPage: async (email, contextOptions, password = DEMO_PASSWORD) => {
      const page = await web.browser.newPage(contextOptions);
      const res = await page.request.post(`${web.url}/api/auth/sign-in`, { data: { email, password } });
      if (!res.ok()) throw new Error(`sign-in as ${email} refused: ${res.status()} ${await res.text()}`);
      return page;
    },
  };
  return web;
}
