import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, navigationItems, openPage, screenshot } from './support/browser.js';

type Strings = Record<string, Record<string, unknown>>;
const load = (language: string, area: string): Strings => JSON.parse(readFileSync(`web/src/i18n/locales/${language}/${area}.json`, 'utf8')) as Strings;
const pick = (tree: Strings, path: string): string => {
  const value = path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), tree);
  if (typeof value !== 'string') throw new Error(`no string at ${path}`);
  return value;
};

describe('languages in the browser', () => {
  const suite = browserSuite({ workers: false });
  const greek = {
    common: load('el', 'common'),
    settings: load('el', 'settings'),
    crm: load('el', 'crm'),
    home: load('el', 'home'),
    deals: load('el', 'deals'),
    events: load('el', 'events'),
    reports: load('el', 'reports'),
    import: load('el', 'import'),
  };

  it('switching the profile to Greek shows the app in Greek, on this device and the next', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('greek') });
    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/settings/profile`);
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();

    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Ελληνικά' }).click();
    await page.getByRole('button', { name: 'Save' }).first().click();

    const greekHome = pick(greek.common, 'shell.home');
    expect(greekHome).not.toBe('Home');
    await expect.poll(() => navigationItems(page)).toEqual([
      greekHome,
      pick(greek.crm, 'crm.nav.people'),
      pick(greek.crm, 'crm.nav.customers'),
      pick(greek.deals, 'deals.nav'),
      pick(greek.crm, 'crm.nav.tasks'),
      pick(greek.events, 'events.nav'),
      pick(greek.reports, 'reports.nav'),
      pick(greek.import, 'import.nav'),
    ]);
    await page.getByRole('heading', { level: 1, name: pick(greek.settings, 'settings.profile.title') }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('el');
    await screenshot(page, 'language-greek-profile');

    // The language belongs to the person: another browser, signed in as them, opens in Greek.
    const me = ok(await suite.kontor.gql<{ me: { user: { locale: string } } }>(`{ me { user { locale } } }`, {}, owner.token)).me;
    expect(me.user.locale).toBe('el');
    const elsewhere = await openPage(suite.browser, { token: owner.token, locale: 'en-GB' });
    await elsewhere.goto(`${suite.kontor.url}/`);
    await expect.poll(() => navigationItems(elsewhere)).toContain(greekHome);
    await screenshot(elsewhere, 'language-greek-home');
  });

  it('before signing in, the log-in page follows the browser and the language picker', async () => {
    const page = await openPage(suite.browser, { locale: 'el-GR' });
    await page.goto(`${suite.kontor.url}/login`);
    await page.getByRole('heading', { level: 1, name: pick(greek.common, 'auth.logIn.title') }).waitFor();
    await page.getByRole('combobox', { name: pick(greek.common, 'auth.language') }).click();
    await page.getByRole('option', { name: 'Română' }).click();
    const romanian = load('ro', 'common');
    await page.getByRole('heading', { level: 1, name: pick(romanian, 'auth.logIn.title') }).waitFor();
    await screenshot(page, 'language-romanian-login');
  });
});
