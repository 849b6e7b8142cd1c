import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

const ZONE = 'Europe/Bucharest';

/** "2026-11-23T05:41" in `zone`: what a datetime-local field holds. */
function localInput(date: Date, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe('tasks in the browser', () => {
  const suite = browserSuite({ mail: true });

  it('a task created in the form reminds its assignee once, in the app and by email, and is ticked off', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('tasks') });
    const page = await openPage(suite.browser, { token: owner.token, timezoneId: ZONE });
    await page.goto(`${suite.kontor.url}/tasks`);
    await page.getByRole('region', { name: 'No tasks yet' }).waitFor();
    await screenshot(page, 'tasks-first-run');

    await page.getByRole('button', { name: 'Add a task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Title').fill('Call Maria back');
    // Due two minutes ago, in the device's time: the reminder is due at once.
    const typed = localInput(new Date(Date.now() - 120_000), ZONE);
    await dialog.getByLabel('Due date and time').fill(typed);
    await dialog.getByRole('button', { name: 'Add task' }).click();
    await page.getByRole('link', { name: 'Call Maria back' }).waitFor();
    await page.getByText('Overdue').first().waitFor();

    // The due time reached the API as the same instant the device meant.
    const saved = ok(await suite.kontor.gql<{ tasks: { edges: { node: { title: string; dueAt: string; assignee: { email: string } | null } }[] } }>(`{ tasks(filter: { mine: true }) { edges { node { title dueAt assignee { email } } } } }`, {}, owner.token)).tasks.edges;
    expect(saved).toHaveLength(1);
    expect(saved[0]?.node.assignee?.email).toBe(owner.email);
    expect(localInput(new Date(saved[0]?.node.dueAt ?? ''), ZONE)).toBe(typed);

    const mail = await suite.sink.waitFor(owner.email, (m) => m.subject === 'Reminder: Call Maria back');
    expect(mail.text).toContain('/tasks?task=');

    // The bell shows it (after a reload: it asks every minute on its own).
    await expect
      .poll(async () => ok(await suite.kontor.gql<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`, {}, owner.token)).unreadNotificationCount)
      .toBe(1);
    await page.reload();
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await screenshot(page, 'tasks-notification');
    await page.getByRole('menuitem', { name: /Call Maria back/ }).click();
    await page.waitForURL(/task=/);
    await page.getByRole('dialog', { name: 'Edit task' }).waitFor();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('checkbox', { name: 'Mark “Call Maria back” done' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Call Maria back' }).count()).toBe(0);
    const done = ok(await suite.kontor.gql<{ tasks: { edges: { node: { completedAt: string | null } }[] } }>(`{ tasks(filter: { status: DONE }) { edges { node { completedAt } } } }`, {}, owner.token)).tasks.edges;
    expect(done).toHaveLength(1);
    // One reminder, however long we look.
    expect(suite.sink.to(owner.email).filter((m) => m.subject === 'Reminder: Call Maria back')).toHaveLength(1);
    expect(pageErrors(page)).toEqual([]);
  });
});
