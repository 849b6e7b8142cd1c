import { describe, expect, it } from 'vitest';
import { ok, PASSWORD, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, navigationItems, openPage, pageErrors, screenshot, signUpInBrowser } from './support/browser.js';

const ME = `{ me { role user { email name locale } tenant { name settings { timeZone locale } } } }`;

describe('signing up and in, in the browser', () => {
  const suite = browserSuite({ workers: false });

  it('a new company signs up and lands in its app, with a first-run checklist instead of empty tables', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/Oslo' });
    const fresh = await context.newPage();
    const signedUp = await signUpInBrowser(fresh, suite.kontor.url, { companyName: 'Fjord Trading AS', name: 'Ana Pop' });

    expect(await navigationItems(fresh)).toEqual(['Home', 'People', 'Customers', 'Deals', 'Tasks', 'Events', 'Reports', 'Import']);
    await fresh.getByRole('heading', { name: 'Get started' }).waitFor();
    await fresh.getByText('Add your first person').waitFor();
    await fresh.getByRole('button', { name: `Company: Fjord Trading AS` }).waitFor();
    await screenshot(fresh, 'sign-up-landed');

    // What the browser sent reached the API: the company has the browser's time zone and language.
    const token = await fresh.evaluate(`localStorage.getItem('kontor.token')`);
    expect(typeof token).toBe('string');
    const me = ok(await suite.kontor.gql<{ me: { role: string; user: { email: string; name: string; locale: string }; tenant: { name: string; settings: { timeZone: string; locale: string } } } }>(ME, {}, String(token))).me;
    expect(me).toEqual({ role: 'OWNER', user: { email: signedUp.email, name: 'Ana Pop', locale: 'en' }, tenant: { name: 'Fjord Trading AS', settings: { timeZone: 'Europe/Oslo', locale: 'en' } } });

    // A deep link survives a reload.
    await fresh.goto(`${suite.kontor.url}/switch-company`);
    await fresh.reload();
    await fresh.getByRole('heading', { level: 1, name: 'Your companies' }).waitFor();
    await context.close();
  });

  it('an address that already has an account is refused on the email field, in words, and nothing is lost', async () => {
    const existing = await signUp(suite.kontor, { email: uniqueEmail('taken') });
    const page = await openPage(suite.browser);
    await page.goto(`${suite.kontor.url}/signup`);
    await page.getByLabel('Company name').fill('Second Company SRL');
    await page.getByLabel('Email').fill(existing.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('another long passphrase');
    await page.getByRole('button', { name: 'Create my workspace' }).click();

    const email = page.getByLabel('Email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('An account with this email already exists. Log in, then add a company.').waitFor();
    // The form keeps what was typed.
    expect(await page.getByLabel('Company name').inputValue()).toBe('Second Company SRL');
    await screenshot(page, 'sign-up-email-taken');

    // Checks that need no server run before any request: a short password is refused at once.
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create my workspace' }).click();
    await page.getByText('Use at least 10 characters.').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('log out, then log in again returns to the page that was asked for', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('relogin') });
    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/switch-company`);
    await page.getByRole('button', { name: /^Account of/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(await page.evaluate(`localStorage.getItem('kontor.token')`)).toBeNull();

    await page.goto(`${suite.kontor.url}/switch-company`);
    await page.waitForURL(/\/login\?next=%2Fswitch-company$/);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('The email or password is not right.').waitFor();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your companies' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/switch-company');
  });

  it('works from the keyboard alone: log in with Tab and Enter, skip the navigation, move between pages', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('keyboard') });
    const page = await openPage(suite.browser);
    await page.goto(`${suite.kontor.url}/login`);
    await page.getByLabel('Email').focus();
    await page.keyboard.type(owner.email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement.getAttribute('type')`)).toBe('password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();

    // The first Tab offers to skip the navigation; following it lands in the page's content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement.textContent`)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(`document.activeElement.id`)).toBe('main');

    // Moving to another page puts focus on its heading and names the tab after it.
    await page.getByTestId('main-nav').getByRole('link', { name: 'People' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(`document.activeElement.tagName + ':' + document.activeElement.textContent`)).toBe('H1:People');
    await expect.poll(() => page.title()).toBe('People · Kontor');
    expect(pageErrors(page)).toEqual([]);
  });
});
