import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { PASSWORD, startKontor, uniqueEmail, type Kontor } from '../../support/harness.js';
import { SmtpSink } from '../../support/smtp-sink.js';

/** Debian's Chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = 'artifacts/e2e';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** The browser's language: the app picks its interface language from it before sign-in. */
  locale?: string;
  /** Start signed in with this session token. */
  token?: string;
  /** The device's time zone (IANA). */
  timezoneId?: string;
}

/** A fresh browser context (own storage) and page; browser errors fail the test. */
export async function openPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId,
    isMobile: (options.viewport?.width ?? 1280) < 500,
    hasTouch: (options.viewport?.width ?? 1280) < 500,
  });
  if (options.token) {
    // The script runs in every frame; a sandboxed one (the email preview) has no storage to seed.
    await context.addInitScript({ content: `try { localStorage.setItem('kontor.token', ${JSON.stringify(options.token)}); } catch {}` });
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

/** Uncaught errors the page threw so far. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** Saves a full-page screenshot as a CI artifact (artifacts/e2e/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  expect(existsSync(path)).toBe(true);
  return path;
}

export interface BrowserSignUp {
  email: string;
  companyName: string;
  name: string;
}

/** Signs up through the sign-up page, as a new customer would, and waits for the app. */
export async function signUpInBrowser(page: Page, url: string, input: Partial<BrowserSignUp> = {}): Promise<BrowserSignUp> {
  const filled: BrowserSignUp = { email: input.email ?? uniqueEmail('web'), companyName: input.companyName ?? 'Fjord Trading AS', name: input.name ?? 'Ana Pop' };
  await page.goto(`${url}/signup`);
  await page.getByLabel('Company name').fill(filled.companyName);
  await page.getByLabel('Your name').fill(filled.name);
  await page.getByLabel('Email').fill(filled.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my workspace' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${filled.name}` }).waitFor();
  return filled;
}

/**
 * Picks an option of a select (a combobox) inside `scope`, as a person does: opens it, types to
 * narrow the list when `search` is given (searchable selects: customers, countries, positions), and
 * clicks the option. Options render in a portal, so they are looked up on the page.
 */
export async function chooseOption(page: Page, scope: Page | Locator, combobox: string, option: string | RegExp, search?: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: combobox, exact: true });
  await box.click();
  if (search !== undefined) await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** The names in the main navigation, in order. */
export async function navigationItems(page: Page): Promise<string[]> {
  const texts = await page.getByTestId('main-nav').getByRole('link').allInnerTexts();
  return texts.map((text) => text.trim());
}

export interface BrowserSuite {
  readonly kontor: Kontor;
  readonly browser: Browser;
  /** The SMTP sink Kontor mails to (with `mail: true`). */
  readonly sink: SmtpSink;
}

/**
 * For one describe block: Kontor (with its workers, and a real SMTP sink when `mail`) and Chromium,
 * started before the tests and stopped after them.
 */
export function browserSuite(options: { mail?: boolean; workers?: boolean } = {}): BrowserSuite {
  let kontor: Kontor | undefined;
  let browser: Browser | undefined;
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = options.mail ? new SmtpSink() : undefined;
    kontor = await startKontor({ smtpUrl: sink ? await sink.start() : undefined, workers: options.workers ?? true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await kontor?.close();
    await sink?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (used outside a test?)`);
    return value;
  };
  return {
    get kontor() {
      return started(kontor, 'Kontor');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    get sink() {
      return started(sink, 'The SMTP sink (mail: true)');
    },
  };
}
