import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddCostEntry,
  AddMilestone,
  AddTeamMember,
  CreateProjects,
  DeliveryPackView,
  InviteProvider,
  PlanProjects,
  ProjectInvitation,
  ProjectSummary,
  ProjectView,
  TickItem,
  UpdateMilestone,
  UpdateProject,
} from '../../../../src/contracts/delivery.ts';
import type { Evidence } from '../../../../src/contracts/diagnosis.ts';
import { STALE_VERSION } from '../../../../src/contracts/versioning.ts';
import { ApiError, api, upload } from '../../api/client.ts';

export type {
  DeliveryPackView,
  Light,
  PlanProjects,
  ProjectSummary,
  ProjectView,
} from '../../../../src/contracts/delivery.ts';

const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;
const planPath = (id: string) => `/api/plans/${encodeURIComponent(id)}/projects`;

/** The delivery pack in force: gates, supervision checklists, team roles. */
export const useDeliveryPack = () =>
  useQuery({
    queryKey: ['delivery', 'pack'],
    queryFn: () => api<DeliveryPackView>('/api/delivery/pack'),
    staleTime: 5 * 60_000,
  });

export const useProjects = () =>
  useQuery({
    queryKey: ['delivery', 'projects'],
    queryFn: async () => (await api<{ projects: ProjectSummary[] }>('/api/projects')).projects,
  });

export const usePlanProjects = (planId: string) =>
  useQuery({
    queryKey: ['delivery', 'plan', planId],
    queryFn: () => api<PlanProjects>(planPath(planId)),
    retry: (count, error) => count < 2 && !('status' in error && error.status === 404),
  });

export const useProject = (id: string) =>
  useQuery({
    queryKey: ['delivery', 'project', id],
    queryFn: () => api<ProjectView>(projectPath(id)),
    retry: (count, error) => count < 2 && !('status' in error && error.status === 404),
  });

export function useCreateProjects(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProjects) => api<PlanProjects>(planPath(planId), { method: 'POST', body }),
    onSuccess: (view) => {
      client.setQueryData(['delivery', 'plan', planId], view);
      void client.invalidateQueries({ queryKey: ['delivery', 'projects'] });
    },
  });
}

/**
 * Every project write answers with the whole project: keep the cache in step, refresh the lists. A 409
 * stale_version carries the project as it is now: that replaces the cached one (the page then shows the latest).
 */
function useProjectMutation<V>(id: string, request: (variables: V, version: number) => Promise<ProjectView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => {
      const current = client.getQueryData<ProjectView>(['delivery', 'project', id]);
      return request(variables, current?.version ?? 1);
    },
    onSuccess: (project) => {
      client.setQueryData(['delivery', 'project', id], project);
      void client.invalidateQueries({ queryKey: ['delivery', 'projects'] });
      void client.invalidateQueries({ queryKey: ['delivery', 'plan'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === STALE_VERSION) {
        const current = (error.details as { current?: ProjectView } | null)?.current;
        if (current) client.setQueryData(['delivery', 'project', id], current);
        else void client.invalidateQueries({ queryKey: ['delivery', 'project', id] });
      }
    },
  });
}

export const useUpdateProject = (id: string) =>
  useProjectMutation(id, (body: UpdateProject, version) =>
    api<ProjectView>(projectPath(id), { method: 'PATCH', body: { ...body, version } }),
  );

export const useAddTeamMember = (id: string) =>
  useProjectMutation(id, (body: AddTeamMember) =>
    api<ProjectView>(`${projectPath(id)}/team`, { method: 'POST', body }),
  );

export const useRemoveTeamMember = (id: string) =>
  useProjectMutation(id, (memberId: string) =>
    api<ProjectView>(`${projectPath(id)}/team/${encodeURIComponent(memberId)}`, { method: 'DELETE' }),
  );

export const useAddMilestone = (id: string) =>
  useProjectMutation(id, (body: AddMilestone) =>
    api<ProjectView>(`${projectPath(id)}/milestones`, { method: 'POST', body }),
  );

export const useUpdateMilestone = (id: string) =>
  useProjectMutation(id, ({ milestoneId, ...body }: UpdateMilestone & { milestoneId: string }, version) =>
    api<ProjectView>(`${projectPath(id)}/milestones/${encodeURIComponent(milestoneId)}`, {
      method: 'PATCH',
      body: { ...body, version },
    }),
  );

export const useAddCost = (id: string) =>
  useProjectMutation(id, (body: AddCostEntry) =>
    api<ProjectView>(`${projectPath(id)}/costs`, { method: 'POST', body }),
  );

export const useTickItem = (id: string) =>
  useProjectMutation(
    id,
    ({ checklistId, itemId, ...body }: TickItem & { checklistId: string; itemId: string }, version) =>
      api<ProjectView>(
        `${projectPath(id)}/checklists/${encodeURIComponent(checklistId)}/items/${encodeURIComponent(itemId)}`,
        { method: 'PUT', body: { ...body, version } },
      ),
  );

/**
 * Evidence files of a checklist item: upload (raw body, ≤ 20 MB, within the organisation's quota) and remove one no
 * tick references. The project is read again afterwards: its item lists the files.
 */
export function useItemFiles(id: string) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: ['delivery', 'project', id] });
  return {
    upload: useMutation({
      mutationFn: ({ checklistId, itemId, file }: { checklistId: string; itemId: string; file: File }) =>
        upload<Evidence>(
          `${projectPath(id)}/checklists/${encodeURIComponent(checklistId)}/items/${encodeURIComponent(itemId)}/files?fileName=${encodeURIComponent(file.name)}&mediaType=${encodeURIComponent(file.type || 'application/octet-stream')}`,
          file,
        ),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (fileId: string) =>
        api<void>(`${projectPath(id)}/files/${encodeURIComponent(fileId)}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** Where a project's evidence file downloads from. */
export const projectFileUrl = (id: string, fileId: string): string =>
  `${projectPath(id)}/files/${encodeURIComponent(fileId)}`;

export const usePassGate = (id: string) =>
  useProjectMutation(id, (gateId: string) =>
    api<ProjectView>(`${projectPath(id)}/gates/${encodeURIComponent(gateId)}/pass`, { method: 'POST' }),
  );

export const useRateAcceptance = (id: string) =>
  useProjectMutation(id, (body: { rating: number; comment: string }, version) =>
    api<ProjectView>(`${projectPath(id)}/acceptance-rating`, { method: 'PUT', body: { ...body, version } }),
  );

// ── provider invitations ──────────────────────────────────────────────────────────────────────────────────
export type { ProjectInvitation } from '../../../../src/contracts/delivery.ts';
type Invitations = { invitations: ProjectInvitation[] };

/** The project's invitations (the owning enterprise only: a provider's members get 404). */
export const useProjectInvitations = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['delivery', 'invitations', id],
    queryFn: async () => (await api<Invitations>(`${projectPath(id)}/invitations`)).invitations,
    enabled,
  });

function useInvitationsMutation<V>(id: string, request: (variables: V) => Promise<Invitations>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (answer) => {
      client.setQueryData(['delivery', 'invitations', id], answer.invitations);
      // the change history records each invitation
      void client.invalidateQueries({ queryKey: ['delivery', 'project', id] });
    },
  });
}

export const useInviteProvider = (id: string) =>
  useInvitationsMutation(id, (body: InviteProvider) =>
    api<Invitations>(`${projectPath(id)}/invitations`, { method: 'POST', body }),
  );

export const useRevokeInvitation = (id: string) =>
  useInvitationsMutation(id, (invitationId: string) =>
    api<Invitations>(`${projectPath(id)}/invitations/${encodeURIComponent(invitationId)}`, {
      method: 'DELETE',
    }),
  );

/** The invitations addressed to the caller's (service-provider) organisation. */
export const useMyInvitations = (enabled: boolean) =>
  useQuery({
    queryKey: ['delivery', 'my-invitations'],
    queryFn: async () => (await api<Invitations>('/api/project-invitations')).invitations,
    enabled,
  });

/** A provider administrator accepts or declines: the project list changes with it. */
export function useRespondToInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ invitationId, action }: { invitationId: string; action: 'accept' | 'decline' }) =>
      api<Invitations>(`/api/project-invitations/${encodeURIComponent(invitationId)}/${action}`, {
        method: 'POST',
      }),
    onSuccess: (answer) => {
      client.setQueryData(['delivery', 'my-invitations'], answer.invitations);
      void client.invalidateQueries({ queryKey: ['delivery', 'projects'] });
    },
  });
}
