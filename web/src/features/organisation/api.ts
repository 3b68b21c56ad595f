import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeRole,
  CreateOrganisation,
  MemberList,
  MemberView,
  OrganisationList,
  OrganisationView,
  PasswordReset,
  RenameOrganisation,
} from '../../../../src/contracts/organisations.ts';
import { api } from '../../api/client.ts';

export type {
  CreatableKind,
  CreateOrganisation,
  MemberList,
  MemberView,
  OrganisationHoldings,
  OrganisationList,
  OrganisationView,
  PasswordReset,
} from '../../../../src/contracts/organisations.ts';

const KEY = 'organisations';
const membersPath = (orgId: string) => `/api/organisations/${encodeURIComponent(orgId)}/members`;

/** The session's organisation and those it manages (administrators only). */
export const useOrganisations = (enabled = true) =>
  useQuery({
    queryKey: [KEY, 'list'],
    queryFn: () => api<OrganisationList>('/api/organisations'),
    enabled,
  });

export const useMembers = (orgId: string) =>
  useQuery({
    queryKey: [KEY, 'members', orgId],
    queryFn: () => api<MemberList>(membersPath(orgId)),
    retry: (count, error) => count < 2 && !('status' in error && error.status === 404),
  });

/** After any change, member lists and member counts are stale, and so is `me` when the admin changed their own role. */
function useOrganisationMutation<V, R>(request: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [KEY] }),
        client.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
}

export const useCreateOrganisation = () =>
  useOrganisationMutation((body: CreateOrganisation) =>
    api<OrganisationView>('/api/organisations', { method: 'POST', body }),
  );

export const useChangeRole = (orgId: string) =>
  useOrganisationMutation(({ userId, role }: ChangeRole & { userId: string }) =>
    api<MemberView>(`${membersPath(orgId)}/${encodeURIComponent(userId)}`, {
      method: 'PATCH',
      body: { role },
    }),
  );

export const useRemoveMember = (orgId: string) =>
  useOrganisationMutation((userId: string) =>
    api<void>(`${membersPath(orgId)}/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  );

export const useRenameOrganisation = () =>
  useOrganisationMutation(
    ({ orgId, name, version }: RenameOrganisation & { orgId: string; version: number }) =>
      api<OrganisationView>(`/api/organisations/${encodeURIComponent(orgId)}`, {
        method: 'PATCH',
        body: { name, version },
      }),
  );

export const useDeleteOrganisation = () =>
  useOrganisationMutation((orgId: string) =>
    api<void>(`/api/organisations/${encodeURIComponent(orgId)}`, { method: 'DELETE' }),
  );

export const useResetPassword = (orgId: string) =>
  useOrganisationMutation((userId: string) =>
    api<PasswordReset>(`${membersPath(orgId)}/${encodeURIComponent(userId)}/password-reset`, {
      method: 'POST',
    }),
  );
