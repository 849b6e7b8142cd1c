import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

describe('emailing a person from their card in the browser', () => {
  const suite = browserSuite({ mail: true });

  it('sends an email from the person’s page: it reaches the mail server with the subject typed, and the history shows it with its status', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('send') });
    const address = uniqueEmail('ana');
    const ana = ok(
      await suite.kontor.gql<{ createContact: { id: string } }>(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: 'Ana', lastName: 'Pop', email: address } }, owner.token),
    ).createContact.id;

    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/contacts/${ana}`);
    await page.getByRole('heading', { level: 1, name: 'Ana Pop' }).waitFor();

    // No phone number: "Send SMS" is there, disabled, and says why.
    const sms = page.getByRole('button', { name: 'Send SMS' });
    expect(await sms.getAttribute('aria-disabled')).toBe('true');
    await sms.hover();
    await page.getByRole('tooltip').getByText('No phone number', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Send email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Email Ana Pop' });
    const subject = `Your quote ${Date.now()}`;
    await dialog.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Hello Ana,\n\nthe quote for 40 chairs is attached to our next call.\n\nBest regards');
    await dialog.getByRole('button', { name: 'Send email' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The workers hand it to the mail server, as typed.
    const mail = await suite.sink.waitFor(address, (message) => message.subject === subject);
    expect(mail.text).toContain('the quote for 40 chairs');

    // The history shows it at once, then with the status the workers reached.
    const history = page.getByRole('region', { name: 'History' });
    const entry = history.getByRole('listitem').filter({ hasText: subject });
    await entry.getByText('Email out').waitFor();
    await entry.getByText(/^(Sent|Delivered)$/).waitFor({ timeout: 20_000 });
    await screenshot(page, 'send-email-history');

    // An email can be answered from the history: the reply suggests "Re: …".
    await entry.getByRole('button', { name: 'Reply' }).click();
    const reply = page.getByRole('dialog', { name: 'Reply by email' });
    expect(await reply.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe(`Re: ${subject}`);
    await reply.getByRole('button', { name: 'Cancel' }).click();

    const saved = ok(
      await suite.kontor.gql<{ messages: { edges: { node: { subject: string; status: string; to: string; channel: string } }[] } }>(
        `query($id: ID!) { messages(contactId: $id, first: 5) { edges { node { subject status to channel } } } }`,
        { id: ana },
        owner.token,
      ),
    ).messages.edges.map((edge) => edge.node);
    expect(saved).toEqual([{ subject, status: expect.stringMatching(/^(SENT|DELIVERED)$/) as unknown as string, to: address, channel: 'EMAIL' }]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows an owner the inbound address in Settings; an email from an unknown sender waits under Unmatched emails until it is attached to a person', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('inbound') });
    const ion = ok(
      await suite.kontor.gql<{ createContact: { id: string } }>(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: 'Ion', lastName: 'Ionescu' } }, owner.token),
    ).createContact.id;
    const url = ok(await suite.kontor.gql<{ inboundEmailUrl: string }>(`{ inboundEmailUrl }`, {}, owner.token)).inboundEmailUrl;
    const subject = `Do you ship to Iasi? ${Date.now()}`;
    const raw = [
      'From: Ion Ionescu <ion.private@example.test>',
      'To: sales@acme.test',
      `Subject: ${subject}`,
      `Message-ID: <inbound-${Date.now()}@example.test>`,
      `Date: ${new Date().toUTCString()}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello, do you ship 40 chairs to Iasi?',
      '',
    ].join('\r\n');
    // Nobody has that address: kept for attaching.
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw })).status).toBe(202);

    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/settings`);
    await page.getByRole('link', { name: 'Inbound email' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbound email' }).waitFor();
    const address = page.getByRole('textbox', { name: 'Inbound address' });
    await address.waitFor();
    expect(await address.inputValue()).toBe(url);

    const unmatched = page.getByRole('region', { name: 'Unmatched emails' });
    await unmatched.getByText(subject).waitFor();
    await screenshot(page, 'inbound-email-settings');
    await unmatched.getByRole('button', { name: 'Attach to a person' }).click();
    const attach = page.getByRole('dialog', { name: 'Attach the email to a person' });
    const person = attach.getByRole('combobox', { name: 'Person' });
    await person.click();
    await person.fill('Ion');
    await page.getByRole('option', { name: 'Ion Ionescu' }).click();
    await attach.getByRole('button', { name: 'Attach' }).click();
    await attach.waitFor({ state: 'hidden' });
    await unmatched.getByText('No unmatched emails', { exact: false }).waitFor();

    // Replacing the address: the old one stops working at once.
    await page.getByRole('button', { name: 'Replace the address' }).click();
    await page.getByRole('dialog', { name: 'Replace the inbound address?' }).getByRole('button', { name: 'Replace address' }).click();
    await page.getByText('A new inbound address is ready', { exact: false }).waitFor();
    const fresh = await address.inputValue();
    expect(fresh).not.toBe(url);
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw })).status).toBe(404);

    // The email is in Ion's history, received, and can be answered.
    await page.goto(`${suite.kontor.url}/contacts/${ion}`);
    const entry = page.getByRole('region', { name: 'History' }).getByRole('listitem').filter({ hasText: subject });
    await entry.getByText('Received', { exact: true }).waitFor();
    await entry.getByRole('button', { name: 'Reply' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
