import { useMemo } from 'react';
import { useMe } from '../account/api.ts';
import type { DeliveryPackView, ProjectView } from './api.ts';

type Party = DeliveryPackView['gates'][number]['party'];
const PARTY_OF_KIND: Record<string, Party> = {
  enterprise: 'enterprise',
  service_provider: 'provider',
  authority: 'authority',
};

/** The parties the signed-in user acts for on a project: their organisation's, and their team roles' (as the server). */
export function useMyParties(project: ProjectView | undefined, pack: DeliveryPackView | undefined): Party[] {
  const me = useMe();
  return useMemo(() => {
    const parties = new Set<Party>();
    const kind = me.data?.organisation.orgKind;
    if (kind && kind in PARTY_OF_KIND) parties.add(PARTY_OF_KIND[kind] as Party);
    const roleParty = new Map((pack?.roles ?? []).map((r) => [r.id, r.party]));
    for (const m of project?.team ?? []) {
      const party = roleParty.get(m.role);
      if (party && m.userId !== null && m.userId === me.data?.user.id) parties.add(party);
    }
    return [...parties];
  }, [me.data, project?.team, pack?.roles]);
}
