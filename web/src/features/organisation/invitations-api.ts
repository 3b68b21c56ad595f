import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InvitationAnswer,
  InvitationList,
  InviteMember,
  IssuedInvitation,
  RedeemInvitation,
} from '../../../../src/contracts/organisations.ts';
import { api } from '../../api/client.ts';

export type {
  InvitationView,
  InviteMember,
  IssuedInvitation,
} from '../../../../src/contracts/organisations.ts';

const KEY = 'invitations';
const orgPath = (orgId: string) => `/api/organisations/${encodeURIComponent(orgId)}/invitations`;

/** Pending invitations to an organisation the session manages. */
export const useOrganisationInvitations = (orgId: string) =>
  useQuery({
    queryKey: [KEY, 'organisation', orgId],
    queryFn: () => api<InvitationList>(orgPath(orgId)),
    retry: false,
  });

/** The signed-in user's own pending invitations. */
export const useMyInvitations = () =>
  useQuery({ queryKey: [KEY, 'mine'], queryFn: () => api<InvitationList>('/api/invitations') });

/** Invalidates invitations, member lists and `me` (a new membership shows in the organisation switch). */
function useInvitationMutation<V, R>(request: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [KEY] }),
        client.invalidateQueries({ queryKey: ['organisations'] }),
        client.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
}

export const useInvite = (orgId: string) =>
  useInvitationMutation((body: InviteMember) =>
    api<IssuedInvitation>(orgPath(orgId), { method: 'POST', body }),
  );

export const useRevokeInvitation = (orgId: string) =>
  useInvitationMutation((id: string) =>
    api<void>(`${orgPath(orgId)}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );

export const useAnswerInvitation = () =>
  useInvitationMutation(({ id, answer }: { id: string; answer: 'accept' | 'decline' }) =>
    api<InvitationAnswer>(`/api/invitations/${encodeURIComponent(id)}/${answer}`, { method: 'POST' }),
  );

/** The invitation a one-time code opens (no sign-in needed). */
export const useInvitationByCode = (code: string) =>
  useQuery({
    queryKey: [KEY, 'code', code],
    queryFn: () => api<InvitationAnswer>('/api/invitations/by-code', { method: 'POST', body: { code } }),
    enabled: code !== '',
    retry: false,
    staleTime: Infinity,
  });

export const redeemInvitation = (body: RedeemInvitation) =>
  api<InvitationAnswer>('/api/invitations/by-code/accept', { method: 'POST', body });

export const declineInvitationByCode = (code: string) =>
  api<InvitationAnswer>('/api/invitations/by-code/decline', { method: 'POST', body: { code } });

/** The link an administrator hands to the invitee: the code travels in the fragment, never to a server log. */
export const invitationLink = (code: string) => `${window.location.origin}/invitation#${code}`;
