import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail, type Kontor } from '../support/harness.js';
import { browserSuite, chooseOption, openPage, pageErrors, screenshot } from './support/browser.js';

interface SavedDeal {
  id: string;
  title: string;
  status: string;
  closeReason: string | null;
  stage: { name: string };
  checklist: { title: string; done: boolean }[];
}

const DEALS = `query { deals(first: 10, filter: { statuses: [OPEN, WON, LOST] }, orderBy: { field: TITLE, direction: ASC }) { edges { node { id title status closeReason stage { name } checklist { title done } } } } }`;

async function savedDeals(kontor: Kontor, token: string): Promise<SavedDeal[]> {
  const data = ok(await kontor.gql<{ deals: { edges: { node: SavedDeal }[] } }>(DEALS, {}, token));
  return data.deals.edges.map((edge) => edge.node);
}

/** A board card, found by its deal's title. */
function card(page: Page, title: string): Locator {
  return page.getByRole('listitem', { name: title, exact: true });
}

/** Presses a card down (away from its links and buttons), moves it far enough to lift it, and waits for the closing zones. */
async function lift(page: Page, source: Locator): Promise<void> {
  const from = await source.boundingBox();
  if (!from) throw new Error('The card is not on screen');
  await page.mouse.move(from.x + 14, from.y + from.height - 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + from.height - 2, { steps: 6 });
  await page.getByRole('region', { name: 'Drop here: lost' }).waitFor();
}

/** Carries a lifted card to the middle of `target` and lets it go. */
async function dropOn(page: Page, target: Locator): Promise<void> {
  const to = await target.boundingBox();
  if (!to) throw new Error('The drop target is not on screen');
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + to.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
  await page.getByRole('region', { name: 'Drop here: lost' }).waitFor({ state: 'hidden' });
}

describe('the deals board in the browser', () => {
  const suite = browserSuite({ workers: false });

  it('two deals move a stage on (mouse and keyboard) and stay there, a checklist item is ticked, one is lost with its reason, and the funnel counts them', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('deals-board') });
    ok(await suite.kontor.gql(`mutation { createCustomer(input: { name: "Acme Furniture SRL" }) { id } }`, {}, owner.token));
    const page = await openPage(suite.browser, { token: owner.token });

    // The stage "Needs analysis" asks for the price list: set in Manage pipelines.
    await page.goto(`${suite.kontor.url}/deals`);
    await page.getByRole('heading', { level: 1, name: 'Deals' }).waitFor();
    await page.getByText('No open deals in Sales yet').waitFor();
    await page.getByRole('link', { name: 'Manage pipelines' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipelines' }).waitFor();
    const needsAnalysis = page.getByRole('listitem', { name: 'Needs analysis', exact: true });
    await needsAnalysis.getByRole('button', { name: /^Checklist/ }).click();
    await needsAnalysis.getByLabel('New checklist item of Needs analysis').fill('Send the price list');
    await needsAnalysis.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('list', { name: 'Checklist of Needs analysis' }).getByText('Send the price list').waitFor();
    await screenshot(page, 'deals-pipelines');

    // Two deals, added from the board's "New deal": both start in the first stage.
    await page.getByRole('link', { name: 'Back to the deals' }).click();
    for (const [title, amount] of [
      ['40 office chairs', '12500'],
      ['Standing desks', '4800.50'],
    ] as const) {
      await page.getByRole('button', { name: 'New deal' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'New deal' });
      await dialog.getByLabel('Title').fill(title);
      await chooseOption(page, dialog, 'Customer', 'Acme Furniture SRL', 'Acme');
      await dialog.getByLabel('Amount').fill(amount);
      await dialog.getByRole('button', { name: 'Add deal' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('list', { name: 'Deals in Qualification' }).getByRole('listitem', { name: title }).waitFor();
    }
    const qualification = page.getByRole('region', { name: 'Qualification', exact: true });
    await qualification.getByLabel('2 open deals').waitFor();
    await screenshot(page, 'deals-board-two-deals');

    // The first goes on with the mouse.
    await lift(page, card(page, '40 office chairs'));
    await dropOn(page, page.getByRole('list', { name: 'Deals in Needs analysis' }));
    await page.getByRole('list', { name: 'Deals in Needs analysis' }).getByRole('listitem', { name: '40 office chairs' }).waitFor();
    await expect.poll(async () => (await savedDeals(suite.kontor, owner.token)).find((deal) => deal.title === '40 office chairs')?.stage.name).toBe('Needs analysis');

    // The second with the keyboard: Space lifts it from its handle, the right arrow carries it to the next stage, Space drops it.
    const handle = page.getByRole('button', { name: 'Move “Standing desks”' });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.getByRole('region', { name: 'Drop here: won' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText(/“Standing desks” is in Needs analysis/).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await page.getByRole('region', { name: 'Drop here: won' }).waitFor({ state: 'hidden' });
    await expect.poll(async () => (await savedDeals(suite.kontor, owner.token)).find((deal) => deal.title === 'Standing desks')?.stage.name).toBe('Needs analysis');

    // After a reload both are still there: the board is the API's.
    await page.reload();
    const moved = page.getByRole('list', { name: 'Deals in Needs analysis' });
    await moved.getByRole('listitem', { name: '40 office chairs' }).waitFor();
    await moved.getByRole('listitem', { name: 'Standing desks' }).waitFor();
    await page.getByRole('region', { name: 'Needs analysis', exact: true }).getByLabel('2 open deals').waitFor();
    expect(await page.getByRole('list', { name: 'Deals in Qualification' }).getByRole('listitem').count()).toBe(0);
    await screenshot(page, 'deals-board-moved');

    // On the deal's page the stage's checklist is ticked off.
    await moved.getByRole('link', { name: '40 office chairs' }).click();
    await page.getByRole('heading', { level: 1, name: '40 office chairs' }).waitFor();
    await page.getByRole('navigation', { name: 'Stages' }).getByRole('button', { name: 'Needs analysis: the current stage' }).waitFor();
    await page.getByRole('checkbox', { name: 'Send the price list' }).check();
    await expect.poll(async () => (await savedDeals(suite.kontor, owner.token)).find((deal) => deal.title === '40 office chairs')?.checklist).toEqual([{ title: 'Send the price list', done: true }]);
    await page.getByText(/^Done by Ana|^Done by /).first().waitFor();
    await page.getByRole('list', { name: 'Stage history' }).getByRole('listitem', { name: 'Moved from Qualification to Needs analysis' }).waitFor();
    await screenshot(page, 'deal-page-checklist');

    // Back on the board, the other one is dropped on "Lost": the reason is asked for, then it leaves the board.
    await page.getByRole('link', { name: 'Back to the deals' }).click();
    await card(page, 'Standing desks').waitFor();
    await lift(page, card(page, 'Standing desks'));
    await screenshot(page, 'deals-board-dragging');
    await dropOn(page, page.getByRole('region', { name: 'Drop here: lost' }));
    const lost = page.getByRole('dialog', { name: 'Lost: Standing desks' });
    // The dialog opens with a transition: its field is there before anything is clicked.
    await lost.getByLabel('Why it was lost').waitFor();
    await lost.getByRole('button', { name: 'Mark as lost' }).click();
    await lost.getByText('This field is required.').waitFor();
    await lost.getByLabel('Why it was lost').fill('The price was too high');
    await lost.getByRole('button', { name: 'Mark as lost' }).click();
    await lost.waitFor({ state: 'hidden' });
    await expect.poll(() => card(page, 'Standing desks').count()).toBe(0);
    await page.getByRole('region', { name: 'Needs analysis', exact: true }).getByLabel('1 open deal').waitFor();
    const standing = (await savedDeals(suite.kontor, owner.token)).find((deal) => deal.title === 'Standing desks');
    expect(standing).toMatchObject({ status: 'LOST', closeReason: 'The price was too high' });

    // Its page tells the story: lost in Needs analysis, why, and the move before it.
    await page.goto(`${suite.kontor.url}/deals/${standing?.id ?? ''}`);
    await page.getByRole('heading', { level: 1, name: 'Standing desks' }).waitFor();
    const history = page.getByRole('list', { name: 'Stage history' });
    await history.getByRole('listitem', { name: 'Lost in Needs analysis' }).getByText('The price was too high').waitFor();
    await history.getByRole('listitem', { name: 'Moved from Qualification to Needs analysis' }).waitFor();
    await history.getByRole('listitem', { name: 'Added in Qualification' }).waitFor();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await screenshot(page, 'deal-page-lost');

    // The funnel of this month: both reached the first two stages, one was lost.
    await page.getByTestId('main-nav').getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sales reports' }).waitFor();
    const funnel = page.getByRole('table', { name: 'Funnel by stage' });
    await funnel.waitFor();
    const rows = funnel.getByRole('row');
    await expect.poll(() => rows.nth(1).innerText()).toMatch(/^Qualification\s+2\s/);
    await expect.poll(() => rows.nth(2).innerText()).toMatch(/^Needs analysis\s+2\s+100\s?%/);
    const summary = page.getByRole('list', { name: 'Deals created in the period' });
    await summary.getByRole('listitem').filter({ hasText: 'Created' }).getByText('2', { exact: true }).waitFor();
    await summary.getByRole('listitem').filter({ hasText: 'Lost' }).getByText('1', { exact: true }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'reports-funnel');

    // Won and lost: the lost reason is counted.
    await page.getByRole('tab', { name: 'Won and lost' }).click();
    await page.getByRole('table', { name: 'Why deals were lost' }).getByText('The price was too high').waitFor();
    await screenshot(page, 'reports-won-lost');
    expect(pageErrors(page)).toEqual([]);

    // On a phone the columns scroll sideways and the cards keep their width.
    const phone = await openPage(suite.browser, { token: owner.token, viewport: { width: 390, height: 844 } });
    await phone.goto(`${suite.kontor.url}/deals`);
    await card(phone, '40 office chairs').waitFor();
    const board = phone.getByRole('group', { name: 'Deals board' });
    const scroll = await board.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
    // ...inside the board: the page itself does not scroll sideways.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect((await card(phone, '40 office chairs').boundingBox())?.width).toBeGreaterThan(250);
    await screenshot(phone, 'deals-board-phone');
    expect(pageErrors(phone)).toEqual([]);
  });

  it('a new deal takes the company\'s deal fields and the marketing event it came from; its page shows both and an edit changes a field', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('deal-fields') });
    ok(await suite.kontor.gql(`mutation { createCustomer(input: { name: "Acme Furniture SRL" }) { id } }`, {}, owner.token));
    ok(await suite.kontor.gql(`mutation { createCustomField(input: { entity: DEAL, key: "po_number", label: "PO number", type: TEXT }) { id } }`, {}, owner.token));
    const event = ok(await suite.kontor.gql<{ createMarketingEvent: { id: string } }>(`mutation { createMarketingEvent(input: { name: "Furniture fair", kind: EXHIBITION, startsOn: "2025-03-10" }) { id } }`, {}, owner.token)).createMarketingEvent;
    const saved = async () =>
      ok(await suite.kontor.gql<{ deals: { edges: { node: { id: string; customFields: { key: string; text: string | null }[]; source: { event: { name: string } | null } } }[] } }>(`query { deals(first: 1) { edges { node { id customFields { key text } source { event { name } } } } } }`, {}, owner.token)).deals.edges[0]?.node;
    const page = await openPage(suite.browser, { token: owner.token });

    await page.goto(`${suite.kontor.url}/deals`);
    await page.getByText('No open deals in Sales yet').waitFor();
    await page.getByRole('button', { name: 'New deal' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Title').fill('Booth chairs');
    await chooseOption(page, dialog, 'Customer', 'Acme Furniture SRL', 'Acme');
    await dialog.getByLabel('PO number').fill('PO-4711');
    await chooseOption(page, dialog, 'Marketing event', /^Furniture fair/);
    await dialog.getByRole('button', { name: 'Add deal' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await saved())?.customFields).toEqual([{ key: 'po_number', text: 'PO-4711' }]);
    expect((await saved())?.source.event?.name).toBe('Furniture fair');

    // Its page shows the field and links the event; an edit sends the changed field.
    await page.goto(`${suite.kontor.url}/deals/${(await saved())?.id ?? ''}`);
    await page.getByRole('heading', { level: 1, name: 'Booth chairs' }).waitFor();
    await page.getByText('PO-4711').waitFor();
    expect(await page.getByRole('link', { name: 'Furniture fair' }).getAttribute('href')).toBe(`/events/${event.id}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const editing = page.getByRole('dialog', { name: 'Edit deal' });
    await editing.getByLabel('PO number').fill('PO-4712');
    await editing.getByRole('button', { name: 'Save' }).click();
    await editing.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await saved())?.customFields).toEqual([{ key: 'po_number', text: 'PO-4712' }]);
    await page.getByText('PO-4712').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
