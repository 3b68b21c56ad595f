import { beforeAll, describe, expect, it } from 'vitest';
import { loadIndicatorSystems } from '../../server/start.ts';
import { startingProfile } from './create-assessment.ts';
import { indicatorSystemOf, type IndicatorSystemCatalog } from './indicator-system-index.ts';
import { checkAssignments } from './save-assignments.ts';

/** The rules of the create and assignment use cases, without a database. */
let systems: IndicatorSystemCatalog;
beforeAll(async () => {
  systems = await loadIndicatorSystems('packs/models');
});

const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err as { statusCode: number; message: string; details?: unknown };
  }
  throw new Error('nothing was thrown');
};

describe('checkAssignments', () => {
  const sections = [{ id: 'a' }, { id: 'b' }] as { id: string }[];
  const index = { sections } as Parameters<typeof checkAssignments>[0];
  const members = new Set(['u1']);
  const row = (sectionId: string, userId: string | null = null) =>
    ({ sectionId, respondentRole: 'manager', userId }) as const;

  it('accepts known sections, once each, named members or nobody', () => {
    expect(() => checkAssignments(index, [row('a', 'u1'), row('b')], members)).not.toThrow();
  });

  it('refuses an unknown section, naming every one', () => {
    const err = thrown(() => checkAssignments(index, [row('x'), row('a'), row('y')], members));
    expect(err.statusCode).toBe(400);
    expect(err.message).toBe('unknown section "x", "y"');
    expect(err.details).toEqual({ unknown: ['x', 'y'] });
  });

  it('refuses a section assigned twice', () => {
    expect(thrown(() => checkAssignments(index, [row('a'), row('a')], members)).message).toBe(
      'section "a" is assigned twice',
    );
  });

  it('refuses a user who is not a member, naming the section and counting the others', () => {
    const err = thrown(() => checkAssignments(index, [row('a', 'u2'), row('b', 'u3')], members));
    expect(err.statusCode).toBe(400);
    expect(err.message).toBe(
      'section "a": user u2 is not a member of this organisation (and 1 more); nothing was saved',
    );
    expect(err.details).toEqual({
      sections: [
        { sectionId: 'a', userId: 'u2' },
        { sectionId: 'b', userId: 'u3' },
      ],
    });
  });
});

describe('startingProfile', () => {
  it("takes the indicator system's first weight table when none is chosen", () => {
    const cmmm = indicatorSystemOf(systems, 'cmmm-2020');
    const first = cmmm.summary.weightTables[0]?.id;
    expect(first).toEqual(expect.any(String));
    expect(startingProfile(cmmm, {})).toEqual({ weightTable: first });
  });

  it('keeps an empty profile for a system without weight tables, and refuses what it cannot have', () => {
    const sme = indicatorSystemOf(systems, 'sme-digital-level-2024');
    expect(startingProfile(sme, {})).toEqual({});
    const err = thrown(() => startingProfile(sme, { weightTable: 'x', notApplicable: ['y'] }));
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(/^weightTable: .*; notApplicable: /);
  });

  it('answers 404 for an indicator system that is not loaded, naming those that are', () => {
    const err = thrown(() => indicatorSystemOf(systems, 'nope'));
    expect(err.statusCode).toBe(404);
    expect(err.details).toEqual({ available: [...systems.keys()] });
  });
});
