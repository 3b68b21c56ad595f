import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS } from '../../contracts/auth.ts';
import type { OrganisationRow } from './repositories/organisations.ts';
import { manages } from '../../server/access/manages.ts';
import { creatableKinds, deletionRefusal, passwordResetRefusal } from './organisation-access.ts';

const org = (id: string, kind: OrganisationRow['kind'], parentId: string | null = null): OrganisationRow => ({
  id,
  kind,
  name: id,
  parentId,
  regionCode: null,
  memberCount: 0,
  createdAt: new Date(0),
  version: 1,
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

describe('who deletes an organisation', () => {
  const platform = org('p', 'platform');
  const region = org('region', 'authority');
  const child = org('child', 'enterprise', 'region');

  it("lets its parent's admins and the platform's delete it", () => {
    expect(deletionRefusal(region, child)).toBeUndefined();
    expect(deletionRefusal(platform, child)).toBeUndefined();
    expect(deletionRefusal(platform, org('top', 'authority'))).toBeUndefined();
  });

  it("never the platform organisation, the session's own, or (for a non-platform admin) one it is not the parent of", () => {
    expect(deletionRefusal(platform, platform)).toMatchObject({ status: 403, message: /platform/ });
    expect(deletionRefusal(region, org('p2', 'platform', 'region'))).toMatchObject({ status: 403 });
    expect(deletionRefusal(region, region)).toMatchObject({ status: 403, message: /acting for/ });
    expect(deletionRefusal(child, child)).toMatchObject({ status: 403, message: /acting for/ });
  });

  it('is refused to every non-platform admin unless the target is its direct child', () => {
    const kinds = fc.constantFrom(...ORGANISATION_KINDS);
    const ids = fc.constantFrom('x', 'y', 'z');
    fc.assert(
      fc.property(kinds, ids, kinds, ids, fc.option(ids, { nil: null }), (mk, mid, tk, tid, parent) => {
        const allowed = deletionRefusal(org(mid, mk), org(tid, tk, parent)) === undefined;
        const expected = tk !== 'platform' && tid !== mid && (mk === 'platform' || parent === mid);
        expect(allowed).toBe(expected);
      }),
    );
  });
});

describe("who resets a member's password", () => {
  const platform = org('p', 'platform');
  const region = org('region', 'authority');
  const provider = org('provider', 'service_provider', 'region');
  const maker = org('maker', 'enterprise', 'provider');
  const elsewhere = org('other-region', 'authority');

  it('refuses everybody their own password with 400 (they change it)', () => {
    for (const manager of [platform, region, maker]) {
      expect(passwordResetRefusal(manager, 'me', 'me', [manager])).toMatchObject({
        status: 400,
        code: 'own_password',
      });
    }
  });

  it('lets an admin reset a user whose every membership is in an organisation they manage', () => {
    expect(passwordResetRefusal(region, 'admin', 'u', [region])).toBeUndefined();
    expect(passwordResetRefusal(region, 'admin', 'u', [region, provider])).toBeUndefined();
    expect(passwordResetRefusal(provider, 'admin', 'u', [provider, maker])).toBeUndefined();
    expect(passwordResetRefusal(maker, 'admin', 'u', [maker])).toBeUndefined();
  });

  it("refuses with 403 when the user is also a member elsewhere, saying so: a provider's admin cannot take over the region's admin", () => {
    const refusal = passwordResetRefusal(provider, 'admin', 'u', [maker, provider, region]);
    expect(refusal).toMatchObject({ status: 403, code: 'member_elsewhere' });
    expect(refusal?.message).toContain('1 organisation you do not manage');
    // a grandchild is managed by its own parent, not by the region
    expect(passwordResetRefusal(region, 'admin', 'u', [provider, maker])).toMatchObject({ status: 403 });
    expect(passwordResetRefusal(maker, 'admin', 'u', [maker, elsewhere, platform])?.message).toContain(
      '2 organisations',
    );
  });

  it("lets the platform's admins reset anyone else's", () => {
    expect(
      passwordResetRefusal(platform, 'admin', 'u', [platform, region, maker, elsewhere]),
    ).toBeUndefined();
  });

  it('allows a reset exactly when the user differs and every one of their organisations is managed', () => {
    const kinds = fc.constantFrom(...ORGANISATION_KINDS);
    const ids = fc.constantFrom('x', 'y', 'z');
    const target = fc.record({ id: ids, kind: kinds, parentId: fc.option(ids, { nil: null }) });
    fc.assert(
      fc.property(kinds, ids, fc.array(target, { maxLength: 4 }), fc.boolean(), (mk, mid, orgs, self) => {
        const manager = org(mid, mk);
        const allowed = passwordResetRefusal(manager, 'actor', self ? 'actor' : 'other', orgs) === undefined;
        const expected =
          !self && (mk === 'platform' || orgs.every((o) => o.id === mid || o.parentId === mid));
        expect(allowed).toBe(expected);
      }),
    );
  });
});
