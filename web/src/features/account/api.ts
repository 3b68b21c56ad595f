import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, SignIn } from '../../../../src/contracts/auth.ts';
import { api } from '../../api/client.ts';

const ME_KEY = ['me'] as const;

/**
 * The signed-in user, or null when nobody is signed in. Asked of /api/auth/session, which answers 200 either way:
 * /api/auth/me's 401 would be logged by the browser as a failed request on every signed-out visit.
 */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => (await api<{ me: Me | null }>('/api/auth/session')).me,
    staleTime: 60_000,
    retry: false,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignIn) => api<Me>('/api/auth/sign-in', { method: 'POST', body }),
    onSuccess: (me) => queryClient.setQueryData(ME_KEY, me),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}

/** Act for another of the user's organisations; every cached query belongs to the old one, so drop them. */
export function useSwitchOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orgId: string) => api<Me>('/api/auth/organisation', { method: 'POST', body: { orgId } }),
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}
