import type { ProviderClassesView } from '../../contracts/providers.ts';
import type { ProviderDeps } from './deps.ts';

/** The loaded provider-classes pack's classes, types and pilot categories, with their zh and en names. */
export function providerClasses(deps: Pick<ProviderDeps, 'packs'>): ProviderClassesView {
  const { meta, classes, pilotCategories } = deps.packs.classes;
  return {
    pack: { id: meta.id, version: meta.version, title: meta.title },
    classes: classes.map((c) => ({
      id: c.id,
      name: c.name,
      types: c.types.map((t) => ({
        id: t.id,
        name: t.name,
        description: t.description ?? null,
        scenarios: t.scenarios,
        assumed: t.assumed,
      })),
    })),
    categories: pilotCategories.map((c) => ({
      id: c.id,
      name: c.name,
      typicalPoolSize: c.typicalPoolSize ?? null,
    })),
  };
}
