/**
 * Pool membership (服务商资源池) as a pure state machine: an authority opens a pool, a provider applies (自愿申报), experts
 * review (专家评审), the result is published for a 公示 period, the provider is admitted; afterwards the pool is
 * dynamic (动态调整): warnings (警告), 限期整改 with a deadline, removal (取消资格), each open to the provider's appeal
 * (申诉), and every step is kept in the history. A command either applies whole or is refused with a reason; a refused
 * command changes nothing.
 *
 *   applied ──review pass──▶ publicised ──admit (after 公示)──▶ admitted ◀──rectified── rectifying
 *      ▲  └─review fail─▶ rejected            │ object ─▶ applied      │ warn ─▶ warned  │ order-rectification
 *      │                                       ▼                        ▼ remove ─▶ removed
 *   (appeal upheld against a rejection: back to applied for a new review)
 * An upheld appeal undoes its decision (the state before it comes back); a dismissed one leaves it. Withdrawal is the
 * provider's own, from any open state but 限期整改 (a provider cannot walk away from a rectification order).
 * Dates are YYYY-MM-DD; commands come in date order.
 */

export const MEMBERSHIP_STATES = [
  'applied',
  'publicised',
  'admitted',
  'warned',
  'rectifying',
  'rejected',
  'removed',
  'withdrawn',
] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

/** States in which the provider is a member in standing (it may be matched and invited as a pool member). */
export const MEMBER_STATES: readonly MembershipState[] = ['admitted', 'warned', 'rectifying'];
/** States of an application or membership still open (a second application is refused). */
export const OPEN_STATES: readonly MembershipState[] = [
  'applied',
  'publicised',
  'admitted',
  'warned',
  'rectifying',
];

export interface PoolDefinition {
  id: string;
  /** what the authority calls it, e.g. 厦门市数字化转型服务商资源池（通用设备制造） */
  name?: string;
  /** the GB/T 2260 division it serves (city-wide pools) */
  region?: string;
  /** the GB/T 4754 sub-industry it serves (per sub-industry pools, 细分行业) */
  industry?: string;
  /** length of the 公示 period in days */
  publicityDays: number;
  /** the provider types the pool takes; absent: every type */
  types?: string[];
  /** how many members of a type the pool admits; a type without a quota is unlimited */
  quotas: Record<string, number>;
  /** the mean expert score an application needs (default 60 of 100) */
  passScore?: number;
  /** days after a decision within which the provider may appeal (default 15) */
  appealDays?: number;
}

interface Base {
  providerId: string;
  /** YYYY-MM-DD */
  at: string;
  /** who did it (a user id) */
  by: string;
}
export type MembershipCommand =
  | (Base & { kind: 'apply'; typeId: string })
  | (Base & { kind: 'review'; scores: { expert: string; score: number }[] })
  | (Base & { kind: 'object'; reason: string })
  | (Base & { kind: 'admit' })
  | (Base & { kind: 'warn'; reason: string })
  | (Base & { kind: 'order-rectification'; reason: string; deadline: string })
  | (Base & { kind: 'rectified' })
  | (Base & { kind: 'remove'; reason: string })
  | (Base & { kind: 'appeal'; reason: string })
  | (Base & { kind: 'decide-appeal'; upheld: boolean; reason: string })
  | (Base & { kind: 'withdraw' });
export type MembershipCommandKind = MembershipCommand['kind'];

/** One accepted step: the command and the states before and after it. */
export interface MembershipEntry {
  command: MembershipCommand;
  from: MembershipState | null;
  to: MembershipState;
}

export interface Membership {
  poolId: string;
  providerId: string;
  typeId: string;
  state: MembershipState;
  /** mean expert score of the last review */
  reviewScore: number | null;
  /** last day of the 公示 period (admission from the day after) */
  publicityUntil: string | null;
  rectificationDeadline: string | null;
  /** the appeal under way: the index in `history` of the decision appealed */
  appeal: { against: number; at: string } | null;
  history: MembershipEntry[];
}

export interface PoolState {
  pool: PoolDefinition;
  /** every application ever made, oldest first (a provider may have a rejected one and a later one) */
  memberships: Membership[];
}

export const REFUSAL_CODES = [
  'already-applied',
  'removed-from-pool',
  'type-not-in-pool',
  'no-application',
  'wrong-state',
  'out-of-order',
  'bad-date',
  'bad-scores',
  'publicity-not-over',
  'quota-full',
  'nothing-to-appeal',
  'appeal-pending',
  'appeal-too-late',
  'no-appeal',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
export interface Refusal {
  code: RefusalCode;
  message: string;
}

export type PoolStepResult =
  { ok: true; state: PoolState; membership: Membership } | { ok: false; refusal: Refusal };

/** Decisions a provider may appeal. */
const APPEALABLE: readonly MembershipCommandKind[] = ['review', 'warn', 'order-rectification', 'remove'];

export function openPool(pool: PoolDefinition): PoolState {
  return { pool, memberships: [] };
}

/** The provider's latest application to the pool, if any. */
export function currentMembership(state: PoolState, providerId: string): Membership | undefined {
  for (let i = state.memberships.length - 1; i >= 0; i--)
    if (state.memberships[i]?.providerId === providerId) return state.memberships[i];
  return undefined;
}

/** Members in standing of a type (admitted, warned or under rectification). */
export function membersOfType(state: PoolState, typeId: string): Membership[] {
  return state.memberships.filter((m) => m.typeId === typeId && MEMBER_STATES.includes(m.state));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function isDate(d: string): boolean {
  if (!DATE.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
}
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const refuse = (code: RefusalCode, message: string): PoolStepResult => ({
  ok: false,
  refusal: { code, message },
});

/** Apply one command to a pool. Pure: the given state is never changed; a refusal says what and why. */
export function poolStep(state: PoolState, command: MembershipCommand): PoolStepResult {
  const { pool } = state;
  const who = `provider ${command.providerId}`;
  if (!isDate(command.at)) return refuse('bad-date', `date "${command.at}" is not a date YYYY-MM-DD`);
  const current = currentMembership(state, command.providerId);

  if (command.kind === 'apply') {
    if (current && OPEN_STATES.includes(current.state))
      return refuse(
        'already-applied',
        `${who} already has an application to pool ${pool.id} (${current.state} since ${lastAt(current)}); one application per pool`,
      );
    if (current?.state === 'removed')
      return refuse(
        'removed-from-pool',
        `${who} was removed from pool ${pool.id} on ${lastAt(current)}; it may appeal that removal, not apply again`,
      );
    if (current && command.at < lastAt(current))
      return refuse('out-of-order', `${command.at} is before the last step of ${who} (${lastAt(current)})`);
    if (pool.types && !pool.types.includes(command.typeId))
      return refuse(
        'type-not-in-pool',
        `pool ${pool.id} takes providers of type ${pool.types.join(', ')}, not ${command.typeId}`,
      );
    const m: Membership = {
      poolId: pool.id,
      providerId: command.providerId,
      typeId: command.typeId,
      state: 'applied',
      reviewScore: null,
      publicityUntil: null,
      rectificationDeadline: null,
      appeal: null,
      history: [{ command, from: null, to: 'applied' }],
    };
    return { ok: true, state: { pool, memberships: [...state.memberships, m] }, membership: m };
  }

  if (!current) return refuse('no-application', `${who} has not applied to pool ${pool.id}`);
  if (command.at < lastAt(current))
    return refuse('out-of-order', `${command.at} is before the last step of ${who} (${lastAt(current)})`);
  const wrong = (allowed: readonly MembershipState[]) =>
    refuse(
      'wrong-state',
      `cannot ${command.kind} ${who} in pool ${pool.id}: it is ${current.state}; ${command.kind} needs ${allowed.join(' or ')}`,
    );
  const next = (to: MembershipState, changes: Partial<Membership> = {}): PoolStepResult => {
    const m: Membership = {
      ...current,
      ...changes,
      state: to,
      history: [...current.history, { command, from: current.state, to }],
    };
    const memberships = state.memberships.map((x) => (x === current ? m : x));
    return { ok: true, state: { pool, memberships }, membership: m };
  };

  switch (command.kind) {
    case 'review': {
      if (current.state !== 'applied') return wrong(['applied']);
      const scores = command.scores;
      if (scores.length === 0 || scores.some((s) => !(s.score >= 0 && s.score <= 100)))
        return refuse('bad-scores', 'a review needs at least one expert score, each 0–100');
      const mean = scores.reduce((a, s) => a + s.score, 0) / scores.length;
      if (mean >= (pool.passScore ?? 60))
        return next('publicised', {
          reviewScore: mean,
          publicityUntil: addDays(command.at, pool.publicityDays),
        });
      return next('rejected', { reviewScore: mean, publicityUntil: null });
    }
    case 'object':
      if (current.state !== 'publicised') return wrong(['publicised']);
      return next('applied', { publicityUntil: null });
    case 'admit': {
      if (current.state !== 'publicised') return wrong(['publicised']);
      if (current.publicityUntil !== null && command.at <= current.publicityUntil)
        return refuse(
          'publicity-not-over',
          `the 公示 period of ${who} runs until ${current.publicityUntil}; admission from ${addDays(current.publicityUntil, 1)}`,
        );
      const quota = pool.quotas[current.typeId];
      const taken = membersOfType(state, current.typeId).length;
      if (quota !== undefined && taken >= quota)
        return refuse(
          'quota-full',
          `pool ${pool.id} has its quota of ${quota} for type ${current.typeId} (${taken} members)`,
        );
      return next('admitted');
    }
    case 'warn':
      if (current.state !== 'admitted' && current.state !== 'warned') return wrong(['admitted', 'warned']);
      return next('warned');
    case 'order-rectification':
      if (current.state !== 'admitted' && current.state !== 'warned') return wrong(['admitted', 'warned']);
      if (!isDate(command.deadline) || command.deadline <= command.at)
        return refuse(
          'bad-date',
          `the rectification deadline ${command.deadline} must be a date after ${command.at}`,
        );
      return next('rectifying', { rectificationDeadline: command.deadline });
    case 'rectified':
      if (current.state !== 'rectifying') return wrong(['rectifying']);
      return next('admitted', { rectificationDeadline: null });
    case 'remove':
      if (!MEMBER_STATES.includes(current.state)) return wrong(MEMBER_STATES);
      return next('removed');
    case 'withdraw': {
      const allowed: MembershipState[] = ['applied', 'publicised', 'admitted', 'warned'];
      if (!allowed.includes(current.state)) return wrong(allowed);
      return next('withdrawn', { appeal: null });
    }
    case 'appeal': {
      if (current.appeal)
        return refuse(
          'appeal-pending',
          `${who} already appealed on ${current.appeal.at}; wait for the decision`,
        );
      const against = lastAppealable(current);
      if (against === null)
        return refuse(
          'nothing-to-appeal',
          `${who} has no rejection, warning, rectification order or removal to appeal`,
        );
      const decision = current.history[against]!;
      const days = pool.appealDays ?? 15;
      if (command.at > addDays(decision.command.at, days))
        return refuse(
          'appeal-too-late',
          `an appeal against the ${decision.command.kind} of ${decision.command.at} was due within ${days} days (by ${addDays(decision.command.at, days)})`,
        );
      return next(current.state, { appeal: { against, at: command.at } });
    }
    case 'decide-appeal': {
      if (!current.appeal) return refuse('no-appeal', `${who} has no appeal under way`);
      if (!command.upheld) return next(current.state, { appeal: null });
      const decision = current.history[current.appeal.against]!;
      // the state before the decision comes back; for a rejection that is `applied`: a new review
      return next(decision.from ?? 'applied', {
        appeal: null,
        ...(decision.command.kind === 'order-rectification' ? { rectificationDeadline: null } : {}),
        ...(decision.command.kind === 'review' ? { publicityUntil: null } : {}),
      });
    }
  }
}

function lastAt(m: Membership): string {
  return m.history[m.history.length - 1]?.command.at ?? '';
}

/**
 * The latest adverse decision still in force, as an index into the history: a rejecting review, a warning, a
 * rectification order or a removal that no later step has undone or overtaken (a rectification completed, an appeal
 * decided on it).
 */
function lastAppealable(m: Membership): number | null {
  for (let i = m.history.length - 1; i >= 0; i--) {
    const e = m.history[i]!;
    if (e.command.kind === 'decide-appeal' || e.command.kind === 'rectified' || e.command.kind === 'admit')
      return null;
    if (!APPEALABLE.includes(e.command.kind)) continue;
    if (e.command.kind === 'review' && e.to !== 'rejected') return null;
    return i;
  }
  return null;
}

/** Run a list of commands from an empty pool; the accepted ones change it, each refusal is reported with its index. */
export function replayPool(
  pool: PoolDefinition,
  commands: readonly MembershipCommand[],
): { state: PoolState; refusals: { index: number; refusal: Refusal }[] } {
  let state = openPool(pool);
  const refusals: { index: number; refusal: Refusal }[] = [];
  commands.forEach((c, index) => {
    const r = poolStep(state, c);
    if (r.ok) state = r.state;
    else refusals.push({ index, refusal: r.refusal });
  });
  return { state, refusals };
}

/** Members under a rectification order whose deadline has passed by `today` (YYYY-MM-DD): the authority's to-do. */
export function overdueRectifications(state: PoolState, today: string): Membership[] {
  return state.memberships.filter(
    (m) => m.state === 'rectifying' && m.rectificationDeadline !== null && m.rectificationDeadline < today,
  );
}

/** Each provider's standing in the pool (its latest application), as matching reads it. */
export function poolStandings(state: PoolState): Map<string, MembershipState> {
  const out = new Map<string, MembershipState>();
  for (const m of state.memberships) out.set(m.providerId, m.state);
  return out;
}
