import { describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, uniqueEmail } from '../support/harness.js';
import { linkIn } from '../support/smtp-sink.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

const NEW_PASSWORD = 'a brand new passphrase';

describe('emailed links open the web app', () => {
  const suite = browserSuite({ mail: true });

  it('the verification link confirms the address once, and says so', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('verify-web') });
    const mail = await suite.sink.waitFor(owner.email, (m) => /Confirm your email/.test(m.subject ?? ''));
    const page = await openPage(suite.browser);
    await page.goto(linkIn(mail, `${suite.kontor.url}/verify-email?token=`));
    await page.getByText('Your email address is confirmed. Thank you!').waitFor();
    expect(ok(await suite.kontor.gql<{ me: { user: { emailVerified: boolean } } }>(`{ me { user { emailVerified } } }`, {}, owner.token)).me.user.emailVerified).toBe(true);
    await page.reload();
    await page.getByText('This link is invalid, already used or expired. Ask for a new one.').waitFor();
    await screenshot(page, 'email-verify-used');
    expect(pageErrors(page)).toEqual([]);
  });

  it('forgot password: the emailed link sets a new password, then logging in works with it', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('reset-web') });
    const page = await openPage(suite.browser);
    await page.goto(`${suite.kontor.url}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(owner.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If ${owner.email} has an account`).waitFor();

    const mail = await suite.sink.waitFor(owner.email, (m) => /Reset your Kontor password/.test(m.subject ?? ''));
    await page.goto(linkIn(mail, `${suite.kontor.url}/reset-password?token=`));
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill('something else entirely');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.getByText('The passwords do not match.').waitFor();
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.getByText('Your password is changed').waitFor();
    // The reset ended the session opened at sign-up.
    expect(errorCode(await suite.kontor.gql(`{ me { role } }`, {}, owner.token))).toBe('UNAUTHENTICATED');

    await page.getByRole('link', { name: 'Back to log in' }).click();
    await page.getByLabel('Email').fill(owner.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    await screenshot(page, 'email-reset-logged-in');
    expect(pageErrors(page)).toEqual([]);
  });
});
