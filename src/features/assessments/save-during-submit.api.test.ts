import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDetail, AssessmentSummary, ResultResponse } from '../../contracts/diagnosis.ts';
import { queryRows } from '../../db/client.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const SME = 'sme-digital-level-2024';
const CIO = 'cio@demo.tupu.local';

interface ErrorJson {
  error: { code: string };
}

/**
 * A save (or an assessor's correction) and a submit of the same assessment, made to overlap for certain: a third
 * transaction holds the assessment's row lock while both requests are started one after the other, and lets go
 * only once PostgreSQL shows both waiting for it. Whichever queued first then goes first. Either the change lands
 * before the submit and is in the frozen result, or it is refused with 409 assessment_locked and not stored —
 * never stored into a submitted assessment behind its frozen result. Without the row lock (`for update` in
 * lockAssessment, repositories/assessments.ts) each case below fails, checked: the status is read as "draft" before
 * the other commits, and the change is written after the submit scored its answers. PostgreSQL only: PGlite has one connection, so nothing overlaps there
 * (tests/api/lost-updates.test.ts starts many saves around a submit on both engines).
 */
describe.each(testEngines().filter((engine) => engine === 'postgres'))(
  'a change racing a submit on %s',
  (engine) => {
    const api = useApiApp(engine, { packs: 'all' });
    let cio: string;
    beforeAll(async () => {
      cio = await api.signIn(CIO);
    });

    const call = <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
      api.call<T>(cio, method, url, payload);

    const waitingForLocks = async () =>
      (
        await queryRows<{ n: number }>(
          api.database.db,
          sql`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`,
        )
      )[0]?.n ?? 0;

    const until = async (condition: () => Promise<boolean>, what: string) => {
      const deadline = Date.now() + 10_000;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };

    /**
     * Runs `first` and then `second` while the assessment's row is locked by another transaction, releases the lock
     * once both wait for it (or the second answered without waiting), and returns their answers.
     */
    async function queuedBehindLock<A, B>(
      assessmentId: string,
      first: () => Promise<A>,
      second: () => Promise<B>,
    ): Promise<[A, B]> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = api.database.db.transaction(async (tx) => {
        await tx.execute(sql`select id from assessments where id = ${assessmentId} for update`);
        locked();
        await released;
      });
      await isLocked;
      try {
        const a = first();
        await until(async () => (await waitingForLocks()) >= 1, 'the first request waits for the row');
        let answered = false;
        const b = second().finally(() => (answered = true));
        // a request that takes no lock does not wait: it may answer at once (and the checks below say whether rightly)
        await until(
          async () => answered || (await waitingForLocks()) >= 2,
          'the second request waits for the row or answers',
        );
        release();
        await holder;
        return [await a, await b];
      } finally {
        release();
        await holder;
      }
    }

    const newAssessment = async (mode: 'self' | 'assessor') => {
      const created = await call<AssessmentSummary>('POST', '/api/assessments', {
        modelId: SME,
        title: '并发',
        mode,
      });
      expect(created.status).toBe(201);
      const url = `/api/assessments/${created.body.id}`;
      expect((await call('PUT', `${url}/answers`, { answers: { 产品设计: 0, 工艺设计: 0 } })).status).toBe(
        200,
      );
      return { id: created.body.id, url };
    };

    const storedValue = async (id: string, item: string) =>
      (await call<AssessmentDetail>('GET', `/api/assessments/${id}`)).body.answers.find(
        (a) => a.itemId === item,
      );

    /** The frozen result, and the live one scored from what is stored once reopened: equal when nothing slipped in. */
    const frozenAndStored = async (url: string) => {
      const frozen = (await call<ResultResponse>('GET', `${url}/result`)).body;
      expect(frozen.live).toBe(false);
      expect((await call('POST', `${url}/reopen`, { reason: '核对' })).status).toBe(200);
      const live = (await call<ResultResponse>('GET', `${url}/result`)).body;
      return { frozen: frozen.result, stored: live.result };
    };

    it('a save queued before the submit lands and is in the frozen result', async () => {
      const { id, url } = await newAssessment('self');
      const [save, submit] = await queuedBehindLock(
        id,
        () => call<ErrorJson>('PUT', `${url}/answers`, { answers: { 营销管理: 3 } }),
        () => call<AssessmentSummary>('POST', `${url}/submit`, {}),
      );
      expect(save.status, JSON.stringify(save.body)).toBe(200);
      expect(submit.status).toBe(200);
      expect((await storedValue(id, '营销管理'))?.value).toBe(3);
      const { frozen, stored } = await frozenAndStored(url);
      expect(stored).toEqual(frozen);
    });

    it('a save queued after the submit is refused with 409 assessment_locked and not stored', async () => {
      const { id, url } = await newAssessment('self');
      const [submit, save] = await queuedBehindLock(
        id,
        () => call<AssessmentSummary>('POST', `${url}/submit`, {}),
        () => call<ErrorJson>('PUT', `${url}/answers`, { answers: { 营销管理: 3 } }),
      );
      expect(submit.status).toBe(200);
      expect(save.status, JSON.stringify(save.body)).toBe(409);
      expect(save.body.error.code).toBe('assessment_locked');
      expect(await storedValue(id, '营销管理')).toBeUndefined();
      const { frozen, stored } = await frozenAndStored(url);
      expect(stored).toEqual(frozen);
    });

    it("an assessor's correction queued after the submit is refused with 409 assessment_locked and not stored", async () => {
      const { id, url } = await newAssessment('assessor');
      const [submit, verify] = await queuedBehindLock(
        id,
        () => call<AssessmentSummary>('POST', `${url}/submit`, {}),
        () =>
          call<ErrorJson>('PUT', `${url}/answers/工艺设计/verification`, {
            verification: 'corrected',
            value: 3,
            reason: '现场核实',
          }),
      );
      expect(submit.status).toBe(200);
      expect(verify.status, JSON.stringify(verify.body)).toBe(409);
      expect(verify.body.error.code).toBe('assessment_locked');
      expect((await storedValue(id, '工艺设计'))?.verification).toBeNull();
      const { frozen, stored } = await frozenAndStored(url);
      expect(stored).toEqual(frozen);
    });
  },
);
