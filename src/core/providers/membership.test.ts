import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  currentMembership,
  MEMBER_STATES,
  MEMBERSHIP_STATES,
  membersOfType,
  OPEN_STATES,
  openPool,
  overdueRectifications,
  poolStandings,
  poolStep,
  replayPool,
  type MembershipCommand,
  type PoolDefinition,
  type PoolState,
} from './membership.ts';

const pool: PoolDefinition = {
  id: 'xm-2024',
  publicityDays: 7,
  types: ['integrated-solutions', 'production-software'],
  quotas: { 'integrated-solutions': 1 },
};
const by = 'u-authority';

function run(commands: MembershipCommand[], def = pool): PoolState {
  const r = replayPool(def, commands);
  expect(r.refusals).toEqual([]);
  return r.state;
}
function refusal(state: PoolState, c: MembershipCommand) {
  const r = poolStep(state, c);
  expect(r.ok).toBe(false);
  return r.ok ? undefined : r.refusal;
}
const admitted = (p: string, type = 'integrated-solutions', day = '2024-03-01'): MembershipCommand[] => [
  { kind: 'apply', providerId: p, typeId: type, at: day, by: p },
  { kind: 'review', providerId: p, at: addDays(day, 1), by, scores: [{ expert: 'e1', score: 70 }] },
  { kind: 'admit', providerId: p, at: addDays(day, 9), by },
];

describe('pool membership', () => {
  it('goes apply → review → 公示 → admitted, keeping every step', () => {
    const s = run(admitted('p1'));
    const m = currentMembership(s, 'p1')!;
    expect(m.state).toBe('admitted');
    expect(m.reviewScore).toBe(70);
    expect(m.publicityUntil).toBe('2024-03-09');
    expect(m.history.map((h) => [h.command.kind, h.from, h.to])).toEqual([
      ['apply', null, 'applied'],
      ['review', 'applied', 'publicised'],
      ['admit', 'publicised', 'admitted'],
    ]);
  });

  it('refuses a second application to one pool, naming the provider, the pool and the state', () => {
    const s = run(admitted('p1'));
    expect(
      refusal(s, { kind: 'apply', providerId: 'p1', typeId: 'production-software', at: '2024-04-01', by }),
    ).toEqual({
      code: 'already-applied',
      message:
        'provider p1 already has an application to pool xm-2024 (admitted since 2024-03-10); one application per pool',
    });
  });

  it('lets a rejected or withdrawn provider apply again, not a removed one', () => {
    const rejected = run([
      { kind: 'apply', providerId: 'p1', typeId: 'integrated-solutions', at: '2024-03-01', by },
      {
        kind: 'review',
        providerId: 'p1',
        at: '2024-03-02',
        by,
        scores: [
          { expert: 'e1', score: 40 },
          { expert: 'e2', score: 60 },
        ],
      },
    ]);
    expect(currentMembership(rejected, 'p1')?.state).toBe('rejected');
    const again = poolStep(rejected, {
      kind: 'apply',
      providerId: 'p1',
      typeId: 'integrated-solutions',
      at: '2024-05-01',
      by,
    });
    expect(again.ok && again.state.memberships.length).toBe(2);
    const removed = run([
      ...admitted('p2'),
      { kind: 'remove', providerId: 'p2', at: '2024-06-01', by, reason: '虚报材料' },
    ]);
    expect(
      refusal(removed, {
        kind: 'apply',
        providerId: 'p2',
        typeId: 'integrated-solutions',
        at: '2024-07-01',
        by,
      })?.code,
    ).toBe('removed-from-pool');
  });

  it('refuses a type the pool does not take, and commands for a provider that never applied', () => {
    const s = openPool(pool);
    expect(
      refusal(s, { kind: 'apply', providerId: 'p1', typeId: 'data-services', at: '2024-03-01', by })?.message,
    ).toBe(
      'pool xm-2024 takes providers of type integrated-solutions, production-software, not data-services',
    );
    expect(refusal(s, { kind: 'admit', providerId: 'p9', at: '2024-03-01', by })?.code).toBe(
      'no-application',
    );
  });

  it('admits only after the 公示 period, and only within the quota of the type', () => {
    const s = run(admitted('p1').slice(0, 2));
    expect(refusal(s, { kind: 'admit', providerId: 'p1', at: '2024-03-09', by })?.message).toBe(
      'the 公示 period of provider p1 runs until 2024-03-09; admission from 2024-03-10',
    );
    const full = run([...admitted('p1'), ...admitted('p2').slice(0, 2)]);
    expect(refusal(full, { kind: 'admit', providerId: 'p2', at: '2024-03-20', by })).toEqual({
      code: 'quota-full',
      message: 'pool xm-2024 has its quota of 1 for type integrated-solutions (1 members)',
    });
    // a type without a quota is unlimited
    run([...admitted('p3', 'production-software'), ...admitted('p4', 'production-software')]);
  });

  it('an objection in 公示 sends the application back to review', () => {
    const s = run([
      ...admitted('p1').slice(0, 2),
      { kind: 'object', providerId: 'p1', at: '2024-03-05', by: 'public', reason: '案例不实' },
    ]);
    expect(currentMembership(s, 'p1')).toMatchObject({ state: 'applied', publicityUntil: null });
    expect(
      refusal(s, { kind: 'object', providerId: 'p1', at: '2024-03-06', by, reason: 'again' })?.code,
    ).toBe('wrong-state');
  });

  it('warns, orders rectification with a deadline, takes the rectification, removes', () => {
    const s = run([
      ...admitted('p1'),
      { kind: 'warn', providerId: 'p1', at: '2024-04-01', by, reason: '进度滞后' },
      {
        kind: 'order-rectification',
        providerId: 'p1',
        at: '2024-04-10',
        by,
        reason: '验收不合格',
        deadline: '2024-05-10',
      },
    ]);
    expect(currentMembership(s, 'p1')).toMatchObject({
      state: 'rectifying',
      rectificationDeadline: '2024-05-10',
    });
    expect(refusal(s, { kind: 'withdraw', providerId: 'p1', at: '2024-04-11', by: 'p1' })?.code).toBe(
      'wrong-state',
    );
    const done = poolStep(s, { kind: 'rectified', providerId: 'p1', at: '2024-05-01', by });
    expect(done.ok && done.membership).toMatchObject({ state: 'admitted', rectificationDeadline: null });
    const gone = poolStep(s, {
      kind: 'remove',
      providerId: 'p1',
      at: '2024-05-11',
      by,
      reason: '逾期未整改',
    });
    expect(gone.ok && gone.membership.state).toBe('removed');
    expect(
      refusal(run(admitted('p2')), {
        kind: 'order-rectification',
        providerId: 'p2',
        at: '2024-04-10',
        by,
        reason: 'x',
        deadline: '2024-04-10',
      })?.code,
    ).toBe('bad-date');
  });

  it('an upheld appeal undoes its decision; a dismissed one leaves it; one appeal at a time, within the window', () => {
    const removed = run([
      ...admitted('p1'),
      { kind: 'warn', providerId: 'p1', at: '2024-04-01', by, reason: '进度滞后' },
      { kind: 'remove', providerId: 'p1', at: '2024-04-20', by, reason: '多次警告' },
      { kind: 'appeal', providerId: 'p1', at: '2024-04-25', by: 'p1', reason: '已按期整改' },
    ]);
    expect(currentMembership(removed, 'p1')).toMatchObject({
      state: 'removed',
      appeal: { against: 4, at: '2024-04-25' },
    });
    expect(
      refusal(removed, { kind: 'appeal', providerId: 'p1', at: '2024-04-26', by: 'p1', reason: 'again' })
        ?.code,
    ).toBe('appeal-pending');
    const upheld = poolStep(removed, {
      kind: 'decide-appeal',
      providerId: 'p1',
      at: '2024-05-05',
      by,
      upheld: true,
      reason: '属实',
    });
    expect(upheld.ok && upheld.membership).toMatchObject({ state: 'warned', appeal: null });
    const dismissed = poolStep(removed, {
      kind: 'decide-appeal',
      providerId: 'p1',
      at: '2024-05-05',
      by,
      upheld: false,
      reason: '不属实',
    });
    expect(dismissed.ok && dismissed.membership).toMatchObject({ state: 'removed', appeal: null });
    if (!dismissed.ok) return;
    expect(
      refusal(dismissed.state, {
        kind: 'appeal',
        providerId: 'p1',
        at: '2024-05-06',
        by: 'p1',
        reason: 'again',
      })?.code,
    ).toBe('nothing-to-appeal');

    const late = run([
      ...admitted('p2'),
      { kind: 'warn', providerId: 'p2', at: '2024-04-01', by, reason: 'x' },
    ]);
    expect(
      refusal(late, { kind: 'appeal', providerId: 'p2', at: '2024-04-17', by: 'p2', reason: 'late' }),
    ).toEqual({
      code: 'appeal-too-late',
      message: 'an appeal against the warn of 2024-04-01 was due within 15 days (by 2024-04-16)',
    });
    expect(
      refusal(run(admitted('p3')), {
        kind: 'appeal',
        providerId: 'p3',
        at: '2024-04-01',
        by: 'p3',
        reason: 'x',
      })?.code,
    ).toBe('nothing-to-appeal');
  });

  it('an upheld appeal against a rejection sends the application back for a new review', () => {
    const s = run([
      { kind: 'apply', providerId: 'p1', typeId: 'integrated-solutions', at: '2024-03-01', by },
      { kind: 'review', providerId: 'p1', at: '2024-03-02', by, scores: [{ expert: 'e1', score: 50 }] },
      { kind: 'appeal', providerId: 'p1', at: '2024-03-03', by: 'p1', reason: '评分有误' },
      { kind: 'decide-appeal', providerId: 'p1', at: '2024-03-08', by, upheld: true, reason: '重新评审' },
    ]);
    expect(currentMembership(s, 'p1')).toMatchObject({ state: 'applied', appeal: null });
  });

  it('refuses bad dates, steps out of date order and bad review scores', () => {
    const s = run(admitted('p1').slice(0, 1));
    expect(refusal(s, { kind: 'review', providerId: 'p1', at: '2024-02-30', by, scores: [] })?.code).toBe(
      'bad-date',
    );
    expect(
      refusal(s, {
        kind: 'review',
        providerId: 'p1',
        at: '2024-02-01',
        by,
        scores: [{ expert: 'e', score: 80 }],
      })?.message,
    ).toBe('2024-02-01 is before the last step of provider p1 (2024-03-01)');
    expect(refusal(s, { kind: 'review', providerId: 'p1', at: '2024-03-02', by, scores: [] })?.code).toBe(
      'bad-scores',
    );
    expect(
      refusal(s, {
        kind: 'review',
        providerId: 'p1',
        at: '2024-03-02',
        by,
        scores: [{ expert: 'e', score: 101 }],
      })?.code,
    ).toBe('bad-scores');
    expect(poolStandings(s)).toEqual(new Map([['p1', 'applied']]));
  });
});

// ------------------------------------------------------------------ laws

const providers = ['p1', 'p2', 'p3', 'p4'];
const types = ['integrated-solutions', 'production-software', 'data-services'];
const lawPool: PoolDefinition = {
  id: 'law',
  publicityDays: 3,
  types: ['integrated-solutions', 'production-software'],
  quotas: { 'integrated-solutions': 1, 'production-software': 2 },
};

const KINDS = [
  'apply',
  'review',
  'object',
  'admit',
  'warn',
  'order-rectification',
  'rectified',
  'remove',
  'appeal',
  'decide-appeal',
  'withdraw',
] as const;
/** what usually comes next in each state (the generator picks these most of the time, so runs reach every state) */
const LIKELY: Record<string, readonly (typeof KINDS)[number][]> = {
  none: ['apply'],
  applied: ['review', 'review', 'withdraw'],
  publicised: ['admit', 'admit', 'object', 'withdraw'],
  admitted: ['warn', 'order-rectification', 'remove', 'withdraw', 'appeal'],
  warned: ['order-rectification', 'remove', 'appeal', 'decide-appeal', 'warn'],
  rectifying: ['rectified', 'remove', 'appeal', 'decide-appeal'],
  rejected: ['appeal', 'decide-appeal', 'apply'],
  removed: ['appeal', 'decide-appeal', 'apply'],
  withdrawn: ['apply'],
};

/**
 * Random command lists: a random provider each step and, 80 % of the time, a kind that usually follows its current
 * state (else any kind, to exercise refusals); fields random; dates advance by 0–6 days.
 */
const commands = fc
  .array(
    fc.record({
      likely: fc.noBias(fc.integer({ min: 0, max: 9 })),
      pick: fc.noBias(fc.nat({ max: 59 })),
      providerId: fc.constantFrom(...providers),
      typeId: fc.constantFrom(...types),
      step: fc.integer({ min: 0, max: 6 }),
      score: fc.integer({ min: 0, max: 100 }),
      flag: fc.boolean(),
    }),
    { minLength: 20, maxLength: 80 },
  )
  .map((raw) => {
    let day = '2024-01-01';
    let state = openPool(lawPool);
    return raw.map((r): MembershipCommand => {
      day = addDays(day, r.step);
      const now = currentMembership(state, r.providerId)?.state ?? 'none';
      const options = r.likely < 8 ? LIKELY[now]! : KINDS;
      const kind = options[r.pick % options.length]!;
      const base = { providerId: r.providerId, at: day, by: 'u' };
      let c: MembershipCommand;
      switch (kind) {
        case 'apply':
          c = { ...base, kind, typeId: r.typeId };
          break;
        case 'review':
          c = { ...base, kind, scores: [{ expert: 'e', score: r.score }] };
          break;
        case 'order-rectification':
          c = { ...base, kind, reason: 'r', deadline: addDays(day, 1 + r.step) };
          break;
        case 'decide-appeal':
          c = { ...base, kind, upheld: r.flag, reason: 'r' };
          break;
        case 'object':
        case 'warn':
        case 'remove':
        case 'appeal':
          c = { ...base, kind, reason: 'r' };
          break;
        default:
          c = { ...base, kind };
      }
      const step = poolStep(state, c);
      if (step.ok) state = step.state;
      return c;
    });
  });

describe('pool membership laws', () => {
  it('the generated command lists reach every state (so the laws below are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(commands, (cs) => {
        for (const m of replayPool(lawPool, cs).state.memberships) for (const e of m.history) seen.add(e.to);
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual([...MEMBERSHIP_STATES].sort());
  });

  it('a refused command changes nothing; an accepted one adds exactly one history entry to one membership', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        let state = openPool(lawPool);
        for (const c of cs) {
          const before = structuredClone(state);
          const entries = state.memberships.reduce((n, m) => n + m.history.length, 0);
          const r = poolStep(state, c);
          expect(state).toEqual(before);
          if (!r.ok) continue;
          expect(r.state.memberships.reduce((n, m) => n + m.history.length, 0)).toBe(entries + 1);
          expect(r.membership.history.at(-1)?.command).toBe(c);
          state = r.state;
        }
      }),
    );
  });

  it('replaying the accepted commands gives the same pool, and each history chains its states in date order', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        const { state, refusals } = replayPool(lawPool, cs);
        const refused = new Set(refusals.map((r) => r.index));
        const accepted = cs.filter((_, i) => !refused.has(i));
        const again = replayPool(lawPool, accepted);
        expect(again.refusals).toEqual([]);
        expect(again.state).toEqual(state);
        for (const m of state.memberships) {
          m.history.forEach((e, i) => {
            expect(e.from).toBe(i === 0 ? null : m.history[i - 1]!.to);
            if (i > 0) expect(e.command.at >= m.history[i - 1]!.command.at).toBe(true);
            expect(e.command.providerId).toBe(m.providerId);
          });
          expect(m.history.at(-1)?.to).toBe(m.state);
        }
      }),
    );
  });

  it('at most one open application per provider; members were reviewed, passed, and admitted after 公示', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        const { state } = replayPool(lawPool, cs);
        for (const p of providers)
          expect(
            state.memberships.filter((m) => m.providerId === p && OPEN_STATES.includes(m.state)).length,
          ).toBeLessThanOrEqual(1);
        for (const m of state.memberships) {
          if (!MEMBER_STATES.includes(m.state)) continue;
          const admit = m.history.findLast((e) => e.command.kind === 'admit');
          const review = m.history.findLast((e) => e.command.kind === 'review' && e.to === 'publicised');
          expect(admit && review).toBeTruthy();
          expect(admit!.command.at > addDays(review!.command.at, lawPool.publicityDays)).toBe(true);
          expect(lawPool.types).toContain(m.typeId);
        }
      }),
    );
  });

  it('members per type never exceed the quota, unless an upheld appeal restored a removed member', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        const { state } = replayPool(lawPool, cs);
        const restored = state.memberships.some((m) =>
          m.history.some(
            (e) => e.command.kind === 'decide-appeal' && e.from === 'removed' && e.to !== 'removed',
          ),
        );
        if (restored) return;
        for (const [type, quota] of Object.entries(lawPool.quotas))
          expect(membersOfType(state, type).length).toBeLessThanOrEqual(quota);
      }),
    );
  });
});

describe('overdueRectifications', () => {
  it('lists members whose rectification deadline has passed', () => {
    const s = replayPool(pool, [
      ...admitted('p1'),
      {
        kind: 'order-rectification',
        providerId: 'p1',
        at: '2024-04-10',
        by,
        reason: 'x',
        deadline: '2024-05-10',
      },
    ]).state;
    expect(overdueRectifications(s, '2024-05-10')).toEqual([]);
    expect(overdueRectifications(s, '2024-05-11').map((m) => m.providerId)).toEqual(['p1']);
  });
});
