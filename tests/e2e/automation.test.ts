import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, chooseOption, openPage, pageErrors, screenshot } from './support/browser.js';

describe('an automation built in the browser', () => {
  const suite = browserSuite({ mail: true });

  it('builds "person added → send an email", switches it on; a person added with email consent gets the email, and their history shows it', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('automation'), modules: ['CRM', 'MARKETING'] });
    ok(
      await suite.kontor.gql(
        `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`,
        { input: { name: 'Welcome email', channel: 'EMAIL', subject: 'Welcome, {{ contact.firstName }}', html: '<p>Glad to have you, {{ contact.firstName }}.</p>' } },
        owner.token,
      ),
    );
    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/campaigns`);
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();

    // The Automations tab: nothing yet, and what an automation is.
    await page.getByRole('tab', { name: 'Automations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Automations' }).waitFor();
    const empty = page.getByRole('region', { name: 'No automations yet' });
    await empty.getByText('An automation sends messages on its own', { exact: false }).waitFor();
    await screenshot(page, 'automation-empty');
    await empty.getByRole('link', { name: 'Build an automation' }).click();

    // The builder: a name, the trigger (a person is added, the default), then the steps.
    await page.getByRole('heading', { level: 1, name: 'New automation' }).waitFor();
    const form = page.getByRole('form', { name: 'Automation' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Welcome series');
    expect(await form.getByRole('combobox', { name: 'Starts when', exact: true }).inputValue()).toBe('A person is added');
    const flow = form.getByRole('list', { name: 'Flow' });
    await flow.getByText('When a person is added').waitFor();

    // Nothing in the flow yet: refused before any request, under the flow.
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByRole('alert').getByText('Add at least one step.').waitFor();

    // A wait, then an email; the email moved up, the wait removed: the flow follows.
    await form.getByRole('button', { name: 'Add a step', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Wait' }).click();
    await form.getByRole('button', { name: 'Add a step', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Send an email' }).click();
    await flow.getByRole('region', { name: 'Step 2: Send an email' }).waitFor();
    // The email step wants its template: said on that step.
    await form.getByRole('button', { name: 'Save draft' }).click();
    await flow.getByRole('region', { name: 'Step 2: Send an email' }).getByText('Choose the template to send.').waitFor();
    await flow.getByRole('button', { name: 'Move step 2 up' }).click();
    await flow.getByRole('region', { name: 'Step 1: Send an email' }).waitFor();
    await flow.getByRole('button', { name: 'Remove step 2' }).click();
    await flow.getByRole('region', { name: 'Step 2: Wait' }).waitFor({ state: 'detached' });
    const emailStep = flow.getByRole('region', { name: 'Step 1: Send an email' });
    await chooseOption(page, emailStep, 'Email template', 'Welcome email');
    await screenshot(page, 'automation-builder');
    await form.getByRole('button', { name: 'Save draft' }).click();

    // Its page: a draft, its flow; switching it on says what will happen first.
    await page.getByRole('heading', { level: 1, name: 'Welcome series' }).waitFor();
    const status = page.getByTestId('automation-status');
    await status.getByText('Draft', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'Flow' }).getByText('Send the email “Welcome email”').waitFor();
    await page.getByRole('button', { name: 'Switch on…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch on Welcome series?' });
    await dialog.getByText('From now on it reacts when this happens: When a person is added.').waitFor();
    await dialog.getByRole('button', { name: 'Switch on', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await status.getByText('On', { exact: true }).waitFor();
    const automationUrl = page.url();
    const automationId = new URL(automationUrl).pathname.split('/').pop() ?? '';
    const saved = ok(
      await suite.kontor.gql<{ automation: { status: string; trigger: { kind: string }; steps: { kind: string; templateId: string | null }[] } }>(
        `query($id: ID!) { automation(id: $id) { status trigger { kind } steps { kind templateId } } }`,
        { id: automationId },
        owner.token,
      ),
    ).automation;
    expect(saved.status).toBe('ACTIVE');
    expect(saved.trigger.kind).toBe('CONTACT_CREATED');
    expect(saved.steps.map((step) => step.kind)).toEqual(['SEND_EMAIL']);

    // A person added with email consent: the workers send them the email, merged, once.
    const address = uniqueEmail('ioana');
    const ioana = ok(
      await suite.kontor.gql<{ createContact: { id: string } }>(
        `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`,
        { input: { firstName: 'Ioana', lastName: 'Petrenko', email: address, emailConsent: 'GRANTED', consentSource: 'signed form' } },
        owner.token,
      ),
    ).createContact.id;
    const mail = await suite.sink.waitFor(address, (message) => message.subject === 'Welcome, Ioana', 60_000);
    expect(mail.html).toContain('Glad to have you, Ioana.');
    expect(suite.sink.to(address).length).toBe(1);

    // Her history shows the automation's email, linked to the automation.
    await page.goto(`${suite.kontor.url}/contacts/${ioana}`);
    const history = page.getByRole('region', { name: 'History' });
    const entry = history.getByRole('listitem').filter({ hasText: 'Email sent' });
    await entry.getByText(`to ${address}`, { exact: false }).waitFor();
    await screenshot(page, 'automation-history');
    await entry.getByRole('link', { name: 'Welcome series' }).click();

    // Back on the automation: one email sent at its step, Ioana through it.
    await page.getByRole('heading', { level: 1, name: 'Welcome series' }).waitFor();
    await page.getByTestId('step-figures-1').getByText('1 email sent').waitFor();
    const runs = page.getByRole('table', { name: 'People in the automation' });
    const run = runs.getByRole('row').filter({ hasText: 'Ioana Petrenko' });
    await run.getByText('Done', { exact: true }).waitFor();
    await screenshot(page, 'automation-page');

    // Paused, its steps stay as they are: people went through them.
    await page.getByRole('button', { name: 'Pause' }).click();
    await status.getByText('Paused', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Welcome series' }).waitFor();
    await page.getByText('People have gone through these steps', { exact: false }).waitFor();

    // The list: the trigger in words, and who is in it.
    await page.goto(`${suite.kontor.url}/campaigns/automations`);
    const row = page.getByRole('table', { name: 'Automations' }).getByRole('row').filter({ hasText: 'Welcome series' });
    await row.getByText('When a person is added').waitFor();
    await row.getByText('Paused', { exact: true }).waitFor();
    await screenshot(page, 'automation-list');
    expect(pageErrors(page)).toEqual([]);
  }, 180_000);
  it('sets up a date trigger and a wait in the browser; a refusal of the API lands on the field it names', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('automation-date'), modules: ['CRM', 'MARKETING'] });
    const createField = async () =>
      ok(
        await suite.kontor.gql<{ createCustomField: { id: string } }>(
          `mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id } }`,
          { input: { entity: 'CONTACT', key: 'birthday', label: 'Birthday', type: 'DATE' } },
          owner.token,
        ),
      ).createCustomField.id;
    const field = await createField();
    ok(
      await suite.kontor.gql(
        `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`,
        { input: { name: 'Birthday text', channel: 'SMS', text: 'Happy birthday, {{ contact.firstName }}!' } },
        owner.token,
      ),
    );
    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/campaigns/automations/new`);
    const form = page.getByRole('form', { name: 'Automation' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Birthdays');
    await chooseOption(page, form, 'Starts when', 'A date of the person comes round');
    await chooseOption(page, form, 'Date field', 'Birthday');
    await chooseOption(page, form, 'From', /^8:00$/);
    const flow = form.getByRole('list', { name: 'Flow' });
    await flow.getByText('Every year on the day of “Birthday”, from 8:00').waitFor();

    // A wait of nothing is refused on its hours, before any request; two hours it is.
    await form.getByRole('button', { name: 'Add a step', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Wait' }).click();
    const wait = flow.getByRole('region', { name: 'Step 1: Wait' });
    await wait.getByRole('textbox', { name: 'Days' }).fill('0');
    await form.getByRole('button', { name: 'Add a step', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Send an SMS' }).click();
    await chooseOption(page, flow.getByRole('region', { name: 'Step 2: Send an SMS' }), 'SMS template', 'Birthday text');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await wait.getByText('A wait lasts at least an hour.').waitFor();
    await wait.getByRole('textbox', { name: 'Hours' }).fill('2');

    // The field is deleted meanwhile: the API's refusal shows on the date field, not as a stray message.
    ok(await suite.kontor.gql(`mutation($input: DeleteCustomFieldInput!) { deleteCustomField(input: $input) }`, { input: { id: field } }, owner.token));
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText('This field does not exist (any more).', { exact: false }).waitFor();
    await screenshot(page, 'automation-builder-refused');
    await createField();
    await form.getByRole('button', { name: 'Save draft' }).click();

    await page.getByRole('heading', { level: 1, name: 'Birthdays' }).waitFor();
    const pageFlow = page.getByRole('list', { name: 'Flow' });
    await pageFlow.getByText('Wait 2 hours').waitFor();
    await pageFlow.getByText('Send the SMS “Birthday text”').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const saved = ok(
      await suite.kontor.gql<{ automation: { status: string; trigger: { kind: string; customFieldKey: string; dateMode: string; hour: number }; steps: { kind: string; days: number | null; hours: number | null }[] } }>(
        `query($id: ID!) { automation(id: $id) { status trigger { kind customFieldKey dateMode hour } steps { kind days hours } } }`,
        { id },
        owner.token,
      ),
    ).automation;
    expect(saved).toEqual({
      status: 'DRAFT',
      trigger: { kind: 'DATE_FIELD', customFieldKey: 'birthday', dateMode: 'ANNIVERSARY', hour: 8 },
      steps: [
        { kind: 'WAIT', days: 0, hours: 2 },
        { kind: 'SEND_SMS', days: null, hours: null },
      ],
    });
    expect(pageErrors(page)).toEqual([]);

    // On a phone: the list as cards, the builder in one column.
    const phone = await openPage(suite.browser, { token: owner.token, viewport: { width: 390, height: 844 } });
    await phone.goto(`${suite.kontor.url}/campaigns/automations`);
    const card = phone.getByRole('list', { name: 'Automations' }).getByRole('listitem').filter({ hasText: 'Birthdays' });
    await card.getByText('Draft', { exact: true }).waitFor();
    await card.getByText('Every year on the day of “Birthday”, from 8:00').waitFor();
    await card.getByRole('link', { name: 'Birthdays' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Birthdays' }).waitFor();
    await phone.goto(`${suite.kontor.url}/campaigns/automations/${id}/edit`);
    await phone.getByRole('region', { name: 'Step 2: Send an SMS' }).waitFor();
    await screenshot(phone, 'automation-builder-phone');
    expect(pageErrors(phone)).toEqual([]);
  }, 120_000);
  it('refuses new steps once people went through them meanwhile, saying so on the steps', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('automation-race'), modules: ['CRM', 'MARKETING'] });
    const gql = async <T>(query: string, variables: Record<string, unknown>) => ok(await suite.kontor.gql<T>(query, variables, owner.token));
    const template = (
      await gql<{ createCampaignTemplate: { id: string } }>(`mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`, {
        input: { name: 'Hello', channel: 'EMAIL', subject: 'Hello {{ contact.firstName }}', html: '<p>Hello</p>' },
      })
    ).createCampaignTemplate.id;
    const id = (
      await gql<{ createAutomation: { id: string } }>(`mutation($input: CreateAutomationInput!) { createAutomation(input: $input) { id } }`, {
        input: { name: 'Hello flow', trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'SEND_EMAIL', templateId: template }] },
      })
    ).createAutomation.id;

    // The builder opens while nobody went through it: the steps can change.
    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/campaigns/automations/${id}/edit`);
    const form = page.getByRole('form', { name: 'Automation' });
    await form.getByRole('region', { name: 'Step 1: Send an email' }).getByRole('combobox', { name: 'Email template' }).waitFor();

    // Meanwhile someone switches it on, a person goes through it, and it is paused again.
    await gql(`mutation($input: AutomationIdInput!) { activateAutomation(input: $input) { id } }`, { input: { id } });
    const address = uniqueEmail('mihai');
    await gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: 'Mihai', email: address, emailConsent: 'GRANTED', consentSource: 'signed form' } });
    await suite.sink.waitFor(address, (message) => message.subject === 'Hello Mihai', 60_000);
    await gql(`mutation($input: AutomationIdInput!) { pauseAutomation(input: $input) { id } }`, { input: { id } });

    // A step added in the stale builder: the API refuses it, and the builder says why, on the steps.
    await form.getByRole('button', { name: 'Add a step', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Wait' }).click();
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await form.getByRole('alert').getByText('People have gone through these steps, so they stay as they are', { exact: false }).waitFor();
    const saved = await gql<{ automation: { steps: { kind: string }[] } }>(`query($id: ID!) { automation(id: $id) { steps { kind } } }`, { id });
    expect(saved.automation.steps.map((step) => step.kind)).toEqual(['SEND_EMAIL']);
    expect(pageErrors(page)).toEqual([]);
  }, 120_000);
});
