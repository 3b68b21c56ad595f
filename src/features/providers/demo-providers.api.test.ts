import { describe, expect, it } from 'vitest';
import type { PoolList, ProviderGrade, ProviderProfileView } from '../../contracts/providers.ts';
import { seedDemoProviders } from '../../server/demo-providers.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

describe.each(testEngines())('demo providers on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });

  it('gives the demo region a pool with the demo provider admitted, graded; a second run adds nothing', async () => {
    await seedDemoProviders(api.app);
    await seedDemoProviders(api.app);
    const cio = await api.signIn('cio@demo.tupu.local');
    const pools = await api.call<PoolList>(cio, 'GET', '/api/pools');
    expect(pools.body.pools).toHaveLength(1);
    expect(pools.body.pools[0]!.quotas).toContainEqual({
      typeId: 'production-software',
      quota: 6,
      members: 1,
    });
    const consultant = await api.signIn('consultant@demo.tupu.local');
    const own = await api.call<ProviderProfileView>(consultant, 'GET', '/api/provider-profile');
    expect([own.body.version, own.body.pools.map((p) => p.state)]).toEqual([1, ['admitted']]);
    const grade = await api.call<ProviderGrade>(cio, 'GET', `/api/providers/${own.body.profile.id}/grade`);
    expect(grade.status).toBe(200);
    expect(grade.body.score).toBeGreaterThan(0);
  });
});
