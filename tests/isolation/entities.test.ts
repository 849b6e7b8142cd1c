import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_QUEUES } from '../../workers/queues.js';
import { errorCode, ok, startKontor, type GqlResult, type Kontor } from '../support/harness.js';
import { allIsolationCases } from './all-cases.js';
import {
  at,
  principals,
  refusalOf,
  setUpTenant,
  str,
  tenantTraces,
  uuidOf,
  type IsolationEnv,
  type Need,
  type Operation,
  type Principal,
  type Probe,
  type World,
} from './isolation-cases.js';

/** Emails the mailing worker was asked to send, by recipient (invitations carry their token). */
const mailbox = new Map<string, string[]>();
let kontor: Kontor | undefined;

const env: IsolationEnv = {
  get kontor(): Kontor {
    if (!kontor) throw new Error('Kontor is not running');
    return kontor;
  },
  async mailTo(to: string): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const text = mailbox.get(to.toLowerCase())?.[0];
      if (text !== undefined) return text;
      if (Date.now() > deadline) throw new Error(`no email to ${to} within 20 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
};

beforeAll(async () => {
  kontor = await startKontor({
    workers: {
      [PLATFORM_QUEUES.mailing]: async (job) => {
        const to = at(job.data, 'message', 'to');
        const text = at(job.data, 'message', 'text');
        if (typeof to === 'string' && typeof text === 'string') mailbox.set(to.toLowerCase(), [...(mailbox.get(to.toLowerCase()) ?? []), text]);
        return null;
      },
    },
    // Twilio's status callbacks are signed with this token (no SMS is sent: no SMS worker runs here).
    config: { twilio: { accountSid: `AC${'0'.repeat(32)}`, authToken: 'isolation-token', from: '+15005550006', apiUrl: 'http://127.0.0.1:9' } },
  });
});
afterAll(async () => {
  await kontor?.close();
});

/** A distinctive text per record: random, equally long, so no marker contains another. */
function newMarker(): string {
  return `iso${randomBytes(6).toString('hex')}`;
}

/** No response to tenant B may carry anything of tenant A: ids (opaque or raw), texts, tokens. */
function expectNoTrace(result: GqlResult<unknown>, traces: readonly string[]): void {
  const body = JSON.stringify(result);
  for (const trace of traces) expect(body, `the response carries A's ${trace}`).not.toContain(trace);
}

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

describe.each(allIsolationCases.map((c) => [c.entity, c] as const))('%s: tenant B cannot reach tenant A', (_entity, c) => {
  let world: World | undefined;
  let traces: string[] = [];
  let before: unknown;
  const w = (): World => {
    if (!world) throw new Error(`the ${c.entity} case did not set up`);
    return world;
  };

  beforeAll(async () => {
    const a = await setUpTenant(env, 'A', c.modules);
    const b = await setUpTenant(env, 'B', c.modules);
    const seedA = await c.create(env, a, newMarker());
    const seedB = await c.create(env, b, newMarker());
    world = { env, a, b, seedA, seedB };
    traces = [...tenantTraces(a), ...seedA.traces];
    before = await c.snapshot(env, a, seedA);
  });

  it("A's records exist and are found by A's own list, search and count", async () => {
    const { a, seedA } = w();
    expect(JSON.stringify(before)).toContain(seedA.marker);
    const all = c.list.read(ok(await env.kontor.gql(c.list.query, c.list.variables(null), a.owner.token)));
    expect(sorted(all.ids)).toEqual(sorted(seedA.listed));
    if (all.totalCount !== undefined) expect(all.totalCount).toBe(seedA.listed.length);
    if (c.list.searchable) {
      const found = c.list.read(ok(await env.kontor.gql(c.list.query, c.list.variables(seedA.marker), a.owner.token)));
      expect(sorted(found.ids)).toEqual(sorted(seedA.listed));
    }
  });

  /** B's side of one principal: how it calls, what it may call, and how a refusal looks. */
  const as = (p: Principal) => {
    const permitted = (need: Need): boolean => p.permits(need, w().b);
    return {
      permitted,
      send: (op: { query: string }, variables: Record<string, unknown>): Promise<GqlResult<unknown>> => env.kontor.gql(op.query, variables, p.token(w().b)),
      /** Refused: NOT_FOUND when the principal may use the operation at all, FORBIDDEN (or UNAUTHENTICATED, see refusalOf) otherwise; no data either way. */
      expectRefused(result: GqlResult<unknown>, need: Need, refusal?: Probe['refusal']): void {
        expectNoTrace(result, traces);
        expect(errorCode(result)).toBe(permitted(need) ? (refusal?.code ?? 'NOT_FOUND') : refusalOf(need));
        if (refusal && permitted(need)) expect(result.errors?.[0]?.extensions?.path).toEqual(refusal.path);
        expect(result.errors).toHaveLength(1);
        expect(result.data ?? null).toBeNull();
      },
    };
  };
  const readProbes = c.probes.filter((probe) => probe.expect.kind === 'LIST');
  const countProbes = c.probes.filter((probe) => probe.expect.kind === 'COUNT');
  const writeProbes = c.probes.filter((probe) => probe.expect.kind === 'NOT_FOUND');

  // Every principal reads before anyone writes, and deletes come last: a leaked update or delete must not hide another leak.
  describe.each(principals.map((p) => [p.label, p] as const))('reads, as %s of B', (_label, p) => {
    const { permitted, send, expectRefused } = as(p);

    const fetch = c.fetch;
    if (fetch) {
      it("cannot fetch A's record by id, while its own is found", async () => {
        expectRefused(await send(fetch, fetch.variables(w().seedA, w())), fetch.needs);
        if (permitted(fetch.needs)) {
          const own = await send(fetch, fetch.variables(w().seedB, w()));
          expectNoTrace(own, traces);
          expect(JSON.stringify(ok(own))).toContain(w().seedB.marker);
        }
      });
    }

    it("lists exactly its own records, and totalCount counts none of A's", async () => {
      const result = await send(c.list, c.list.variables(null));
      expectNoTrace(result, traces);
      if (!permitted(c.list.needs)) {
        expect(errorCode(result)).toBe(refusalOf(c.list.needs));
        return;
      }
      const view = c.list.read(ok(result));
      expect(sorted(view.ids)).toEqual(sorted(w().seedB.listed));
      if (view.totalCount !== undefined) expect(view.totalCount).toBe(w().seedB.listed.length);
    });

    if (c.list.searchable) {
      it("finds nothing searching A's distinctive text (totalCount 0), and finds its own", async () => {
        const theirs = await send(c.list, c.list.variables(w().seedA.marker));
        expectNoTrace(theirs, traces);
        if (!permitted(c.list.needs)) {
          expect(errorCode(theirs)).toBe(refusalOf(c.list.needs));
          return;
        }
        const none = c.list.read(ok(theirs));
        expect(none.ids).toEqual([]);
        if (none.totalCount !== undefined) expect(none.totalCount).toBe(0);
        const own = c.list.read(ok(await send(c.list, c.list.variables(w().seedB.marker))));
        expect(sorted(own.ids)).toEqual(sorted(w().seedB.listed));
        if (own.totalCount !== undefined) expect(own.totalCount).toBe(w().seedB.listed.length);
      });
    }

    if (readProbes.length > 0) {
      it.each(readProbes.map((probe) => [probe.name, probe] as const))('%s: empty', async (_name, probe) => {
        const result = await send(probe, probe.variables(w().seedA, w()));
        if (probe.expect.kind !== 'LIST' || !permitted(probe.needs)) {
          expectRefused(result, probe.needs);
          return;
        }
        expectNoTrace(result, traces);
        const view = probe.expect.read(ok(result));
        expect(view.ids).toEqual([]);
        if (view.totalCount !== undefined) expect(view.totalCount).toBe(0);
      });
    }

    if (countProbes.length > 0) {
      it.each(countProbes.map((probe) => [probe.name, probe] as const))("%s: nothing of A's counted or changed", async (_name, probe) => {
        const result = await send(probe, probe.variables(w().seedA, w()));
        if (probe.expect.kind !== 'COUNT' || !permitted(probe.needs)) {
          expectRefused(result, probe.needs);
          return;
        }
        expectNoTrace(result, traces);
        expect(probe.expect.read(ok(result))).toBe(probe.expect.theirs(w().seedB));
      });
    }
  });

  const update = c.update;
  const selfOperations = c.self ?? [];
  if (writeProbes.length > 0 || update || selfOperations.length > 0) {
    describe.each(principals.map((p) => [p.label, p] as const))('writes, as %s of B', (_label, p) => {
      const { permitted, send, expectRefused } = as(p);

      if (writeProbes.length > 0) {
        it.each(writeProbes.map((probe) => [probe.name, probe.refusal?.code ?? 'NOT_FOUND', probe] as const))('%s: %s', async (_name, _code, probe) => {
          expectRefused(await send(probe, probe.variables(w().seedA, w())), probe.needs, probe.refusal);
        });
      }

      if (update) {
        it("cannot update A's record", async () => {
          expectRefused(await send(update, update.variables(w().seedA, w())), update.needs);
        });
      }

      if (selfOperations.length > 0) {
        it.each(selfOperations.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
          const result = await send(op, op.variables(w()));
          if (!permitted(op.needs)) {
            expectRefused(result, op.needs);
            return;
          }
          expectNoTrace(result, traces);
          expect(op.changed(ok(result))).toBe(op.own(w()));
        });
      }
    });
  }

  // Public routes: no principal, so once; before the deletes, for the same reason.
  const httpProbes = c.http ?? [];
  if (httpProbes.length > 0) {
    describe('public routes, from B’s side', () => {
      it.each(httpProbes.map((probe) => [probe.name, probe] as const))("%s: refused or without effect on A's records", async (_name, probe) => {
        const response = await probe.send(w().seedA, w());
        const seen = `${[...response.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n')}\n${await response.text()}`;
        for (const trace of traces) expect(seen, `the response carries A's ${trace}`).not.toContain(trace);
        expect(response.status).toBe(probe.status);
      });
    });
  }

  // Deletes last, for the same reason.
  const remove = c.remove;
  if (remove) {
    describe.each(principals.map((p) => [p.label, p] as const))('deletes, as %s of B', (_label, p) => {
      const { send, expectRefused } = as(p);
      it("cannot delete A's record", async () => {
        expectRefused(await send(remove, remove.variables(w().seedA, w())), remove.needs);
      });
    });
  }

  it("A's records are unchanged, seen from A", async () => {
    expect(await c.snapshot(env, w().a, w().seedA)).toEqual(before);
  });

  it("controls: the same operations aimed at B's own records succeed for B's owner", async () => {
    const { b, seedB } = w();
    const run = async (op: Operation): Promise<unknown> => {
      const result = await env.kontor.gql(op.query, op.variables(seedB, w()), b.owner.token);
      expectNoTrace(result, traces);
      return ok(result);
    };
    // Reads first, then the mutations, the delete last: each control leaves the next one's target in place.
    const probes = c.probes.filter((probe) => probe.control !== false);
    for (const probe of probes) {
      if (probe.expect.kind === 'LIST') expect(sorted(probe.expect.read(await run(probe)).ids)).toEqual(sorted(probe.expect.own(seedB)));
    }
    // In the order the case declares them: a count may come before a mutation that changes it.
    for (const probe of probes) {
      if (probe.expect.kind === 'COUNT') expect(probe.expect.read(await run(probe)), probe.name).toBe(probe.expect.own(seedB));
    }
    for (const probe of probes) {
      if (probe.expect.kind === 'NOT_FOUND') await run(probe);
    }
    if (c.update) await run(c.update);
    for (const probe of httpProbes) await probe.control?.(await probe.send(seedB, w()), w());
    for (const op of selfOperations) {
      const result = await env.kontor.gql(op.query, op.variables(w()), b.owner.token);
      expectNoTrace(result, traces);
      expect(op.changed(ok(result))).toBe(op.own(w()));
    }
    if (c.remove) await run(c.remove);
    // And A, again, saw nothing of it.
    expect(await c.snapshot(env, w().a, w().seedA)).toEqual(before);
  });
});

describe('API keys stay in the tenant they name', () => {
  it("B's key rewritten to name tenant A, or A's key id with B's secret, is refused", async () => {
    const a = await setUpTenant(env, 'A');
    const b = await setUpTenant(env, 'B');
    const ME = `{ me { tenant { id } } contacts { totalCount } }`;
    // A key is `ktk_<tenant hex><row hex>_<secret>`.
    const parts = /^ktk_([0-9a-f]{32})([0-9a-f]{32})_(.+)$/.exec(b.key.token);
    const row = parts?.[2];
    const secret = parts?.[3];
    if (!row || !secret) throw new Error(`unexpected key format: ${b.key.token}`);
    const hex = (uuid: string): string => uuid.replaceAll('-', '');
    expect(str(ok(await env.kontor.gql(ME, {}, b.key.token)), 'me', 'tenant', 'id')).toBe(b.owner.tenantId);
    for (const forged of [`ktk_${hex(a.tenantUuid)}${row}_${secret}`, `ktk_${hex(a.tenantUuid)}${hex(uuidOf(a.key.id, 'ApiKey'))}_${secret}`]) {
      const result = await env.kontor.gql(ME, {}, forged);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
      expect(result.status).toBe(401);
      expectNoTrace(result, tenantTraces(a));
    }
  });
});
