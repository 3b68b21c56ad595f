import type { Db } from '../client.ts';
import {
  addMembership,
  createOrganisation,
  createUser,
  findUserByEmail,
} from '../../server/sessions/accounts.ts';
import type { OrganisationKind, Role } from '../schema.ts';

/** Everything here is fictional: a demo pilot region with a few enterprises, a provider and their users. */
export const DEMO_PASSWORD = 'tupu-demo-2024';

export interface DemoSignIn {
  email: string;
  name: string;
  organisation: string;
  role: Role;
}

interface DemoOrg {
  key: string;
  kind: OrganisationKind;
  name: string;
  parent?: string;
}

const ORGS: DemoOrg[] = [
  { key: 'region', kind: 'authority', name: '示范市经济和信息化局（演示）' },
  { key: 'provider', kind: 'service_provider', name: '启明数字化服务有限公司（演示）', parent: 'region' },
  { key: 'machinery', kind: 'enterprise', name: '明远精密机械有限公司（演示）', parent: 'region' },
  { key: 'chemical', kind: 'enterprise', name: '江川新材料化工有限公司（演示）', parent: 'region' },
  { key: 'textile', kind: 'enterprise', name: '锦华纺织科技有限公司（演示）', parent: 'region' },
  { key: 'association', kind: 'association', name: '示范市装备制造行业协会（演示）' },
];

const USERS: { email: string; name: string; memberships: { org: string; role: Role }[] }[] = [
  {
    email: 'cio@demo.tupu.local',
    name: '林晓（首席信息官）',
    memberships: [{ org: 'machinery', role: 'admin' }],
  },
  {
    email: 'cdo@demo.tupu.local',
    name: '周宁（首席数据官）',
    memberships: [{ org: 'chemical', role: 'admin' }],
  },
  {
    email: 'consultant@demo.tupu.local',
    name: '陈一帆（诊断顾问）',
    memberships: [
      { org: 'provider', role: 'admin' },
      { org: 'machinery', role: 'editor' },
      { org: 'textile', role: 'editor' },
    ],
  },
  {
    email: 'region@demo.tupu.local',
    name: '王珏（试点办）',
    memberships: [{ org: 'region', role: 'admin' }],
  },
  {
    email: 'association@demo.tupu.local',
    name: '赵岚（行业协会）',
    memberships: [{ org: 'association', role: 'admin' }],
  },
];

/** Seed the demo region once; later starts find it and leave it alone. Returns the sign-ins to print. */
export async function seedDemoRegion(
  db: Db,
  hash: (password: string) => Promise<string>,
): Promise<DemoSignIn[]> {
  const signIns: DemoSignIn[] = [];
  const orgNames = new Map(ORGS.map((o) => [o.key, o.name]));
  for (const u of USERS) {
    const first = u.memberships[0];
    if (first)
      signIns.push({
        email: u.email,
        name: u.name,
        organisation: orgNames.get(first.org) ?? '',
        role: first.role,
      });
  }
  if (await findUserByEmail(db, USERS[0]!.email)) return signIns;

  const passwordHash = await hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const o of ORGS) {
      const parentId = o.parent ? ids.get(o.parent) : undefined;
      const org = await createOrganisation(tx, {
        kind: o.kind,
        name: o.name,
        parentId: parentId ?? null,
        regionCode: '990100',
      });
      ids.set(o.key, org.id);
    }
    for (const u of USERS) {
      const user = await createUser(tx, { email: u.email, displayName: u.name, passwordHash });
      for (const m of u.memberships) {
        await addMembership(tx, { orgId: ids.get(m.org)!, userId: user.id, role: m.role });
      }
    }
  });
  return signIns;
}
