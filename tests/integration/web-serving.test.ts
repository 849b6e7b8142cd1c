import { readdirSync } from 'node:fs';
import { crmManifest } from '../../api/src/crm/crm.manifest.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp, startKontor, uniqueEmail, type Kontor } from '../support/harness.js';

/** The API process serves the built web app (`npm run web:build`, part of `npm test`). */
describe('web app serving and the switches header', () => {
  let kontor: Kontor;
  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
  });
  afterAll(async () => {
    await kontor.close();
  });

  it('serves index.html at / and at any deep link, so a reload keeps the page', async () => {
    for (const path of ['/', '/contacts/Q29udGFjdDox/edit', '/settings/profile', '/verify-email?token=abc']) {
      const response = await fetch(`${kontor.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      // Emailed links carry tokens: no Referer takes them elsewhere; the app is never framed.
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      // A template preview shows the images an email links to (HTTPS only).
      expect(response.headers.get('content-security-policy')).toContain("img-src 'self' data: https:;");
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets for a year, and the API paths stay the API', async () => {
    const asset = readdirSync('web/dist/assets').find((name) => name.endsWith('.js'));
    expect(asset).toBeDefined();
    const response = await fetch(`${kontor.url}/assets/${asset ?? ''}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');

    expect((await fetch(`${kontor.url}/healthz`)).headers.get('content-type')).toMatch(/json/);
    const post = await fetch(`${kontor.url}/contacts`, { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('every signed-in answer names the switched-on modules and features; anonymous answers do not', async () => {
    const owner = await signUp(kontor, { email: uniqueEmail('switches'), modules: ['CRM', 'WAREHOUSE'] });
    const ask = async () =>
      fetch(`${kontor.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
    // Every CRM feature option is on for a new company.
    const crmOptions = crmManifest.featureOptions.map((o) => o.key);
    expect((await ask()).headers.get('x-kontor-modules')?.split(',').sort()).toEqual(['CRM', ...crmOptions, 'WAREHOUSE'].sort());

    ok(await kontor.gql(`mutation { setFeatureOption(input: { key: "CRM.counterparties", enabled: false }) { key } }`, {}, owner.token));
    expect((await ask()).headers.get('x-kontor-modules')?.split(',').sort()).toEqual(['CRM', ...crmOptions.filter((k) => k !== 'CRM.counterparties'), 'WAREHOUSE'].sort());
    ok(await kontor.gql(`mutation { setModuleEnabled(input: { module: CRM, enabled: false }) { key } }`, {}, owner.token));
    expect((await ask()).headers.get('x-kontor-modules')).toBe('WAREHOUSE');

    const identity = (await ask()).headers.get('x-kontor-identity');
    expect(identity).toBe(`${owner.tenantId}:OWNER`);

    const anonymous = await fetch(`${kontor.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(anonymous.headers.get('x-kontor-modules')).toBeNull();
    expect(anonymous.headers.get('x-kontor-identity')).toBeNull();
  });

  it('accepts the time-zone names browsers report, and refuses abbreviations and offsets', async () => {
    const signUpIn = (timeZone: string) =>
      kontor.gql<{ signUp: { tenant: { settings: { timeZone: string } } } }>(`mutation($input: SignUpInput!) { signUp(input: $input) { tenant { settings { timeZone } } } }`, {
        input: { companyName: 'Zones', email: uniqueEmail('zone'), password: 'long enough password', timeZone },
      });
    for (const zone of ['Europe/Kyiv', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'UTC']) {
      expect(ok(await signUpIn(zone)).signUp.tenant.settings.timeZone).toBe(zone);
    }
    for (const zone of ['EST', '+02:00', 'Nowhere/Land', '']) {
      expect((await signUpIn(zone)).errors?.[0]?.extensions, zone).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'timeZone'], reason: 'INVALID_TIME_ZONE' });
    }
  });

  it('refused input names a reason clients word in their own language', async () => {
    const owner = await signUp(kontor, { email: uniqueEmail('reasons') });
    const create = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
    const phone = await kontor.gql(create, { input: { firstName: 'Ana', phone: '+40123' } }, owner.token);
    // Refused variables are the client's mistake: HTTP 400, never a 500.
    expect(phone.status).toBe(400);
    expect(phone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'phone'], reason: 'INVALID_PHONE' });
    const email = await kontor.gql(create, { input: { firstName: 'Ana', email: 'not-an-address' } }, owner.token);
    expect(email.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'email'], reason: 'INVALID_EMAIL' });
    const blank = await kontor.gql(create, { input: { firstName: '   ' } }, owner.token);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'firstName'], reason: 'REQUIRED' });
    const long = await kontor.gql(create, { input: { firstName: 'x'.repeat(201) } }, owner.token);
    expect(long.errors?.[0]?.extensions).toMatchObject({ path: ['input', 'firstName'], reason: 'TOO_LONG', params: { max: 200 } });
    const needs = await kontor.gql(`mutation { setModuleEnabled(input: { module: CRM, enabled: false }) { key } }`, {}, (await signUp(kontor, { email: uniqueEmail('needs'), modules: ['CRM', 'MARKETING'] })).token);
    expect(needs.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'USED_BY_MODULES', params: { modules: 'MARKETING' } });
  });
});
