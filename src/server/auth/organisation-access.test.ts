import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS } from '../../contracts/auth.ts';
import type { OrganisationRow } from '../../db/repositories/organisations.ts';
import { creatableKinds, manages } from './organisation-access.ts';

const org = (id: string, kind: OrganisationRow['kind'], parentId: string | null = null): OrganisationRow => ({
  id,
  kind,
  name: id,
  parentId,
  regionCode: null,
  memberCount: 0,
  createdAt: new Date(0),
});

describe('who creates and manages which organisation', () => {
  it('lets the platform create every kind but a platform, an authority enterprises and providers, an enterprise none', () => {
    expect(creatableKinds('platform')).toEqual([
      'enterprise',
      'service_provider',
      'authority',
      'association',
    ]);
    expect(creatableKinds('authority')).toEqual(['enterprise', 'service_provider']);
    expect(creatableKinds('service_provider')).toEqual(['enterprise']);
    expect(creatableKinds('association')).toEqual(['enterprise']);
    expect(creatableKinds('enterprise')).toEqual([]);
    for (const kind of ORGANISATION_KINDS) expect(creatableKinds(kind)).not.toContain('platform');
  });

  it('manages itself and its direct children only, unless it is the platform', () => {
    const region = org('region', 'authority');
    expect(manages(region, region)).toBe(true);
    expect(manages(region, org('a', 'enterprise', 'region'))).toBe(true);
    expect(manages(region, org('b', 'enterprise', 'other'))).toBe(false);
    expect(manages(region, org('c', 'enterprise'))).toBe(false);
    // a grandchild belongs to its own parent's administrators, not the region's
    expect(manages(region, org('d', 'enterprise', 'a'))).toBe(false);
  });

  it('never lets a non-platform organisation manage one that is neither itself nor its child', () => {
    const kinds = fc.constantFrom(...ORGANISATION_KINDS.filter((k) => k !== 'platform'));
    const ids = fc.constantFrom('x', 'y', 'z');
    fc.assert(
      fc.property(kinds, ids, kinds, ids, fc.option(ids, { nil: null }), (mk, mid, tk, tid, parent) => {
        const target = org(tid, tk, parent);
        expect(manages(org(mid, mk), target)).toBe(tid === mid || parent === mid);
        expect(manages(org(mid, 'platform'), target)).toBe(true);
      }),
    );
  });
});
