import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PilotPoolEligibility } from '../../../../src/contracts/providers.ts';
import { api, ApiError } from '../../api/client.ts';
import { useProviders } from '../providers/api.ts';
import {
  useInviteProvider,
  useProjectInvitations,
  useRevokeInvitation,
  type ProjectInvitation,
  type ProjectView,
} from './api.ts';
import { useDateText } from './deliver-ui.ts';
import { InvitationsTable } from './InvitationsTable.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

const useEligibility = (providerId: string | undefined) =>
  useQuery({
    queryKey: ['providers', 'eligibility', providerId],
    queryFn: () =>
      api<PilotPoolEligibility>(`/api/providers/${encodeURIComponent(providerId ?? '')}/eligibility`),
    enabled: providerId !== undefined,
  });

/**
 * The enterprise's provider invitations to one project: invite a service provider from the directory (the pool
 * its pilot requires is shown before the invitation), see each invitation's status, revoke a pending or accepted
 * one. A refusal (not in the required pool, already invited) is worded in the page's language.
 */
export function InvitationsPanel({
  project,
  canWrite,
  initialProvider,
}: {
  project: ProjectView;
  canWrite: boolean;
  initialProvider?: string;
}) {
  const { t } = useTranslation();
  const date = useDateText();
  const invitations = useProjectInvitations(project.id, true);
  const providers = useProviders();
  const invite = useInviteProvider(project.id);
  const revoke = useRevokeInvitation(project.id);
  const [providerId, setProviderId] = useState<string | undefined>(initialProvider);
  const [reason, setReason] = useState('');
  const eligibility = useEligibility(providerId);
  const providerName = (id: string | undefined) =>
    providers.data?.providers.find((p) => p.id === id)?.name ?? id ?? '';
  const pools = (e: PilotPoolEligibility | undefined) =>
    (e?.requiredPools ?? []).map((p) => `“${p.name}”`).join(t('deliver.invitations.separator'));

  const refusal = (error: unknown): string | null => {
    if (!(error instanceof ApiError)) return null;
    if (error.code === 'provider_not_eligible' || error.code === 'provider_not_in_pool')
      return t('deliver.invitations.errors.notEligible', {
        provider: providerName(providerId),
        pools: pools(eligibility.data) || '—',
      });
    if (error.code === 'already_invited') {
      const status = (error.details as { status?: ProjectInvitation['status'] } | null)?.status;
      return t('deliver.invitations.errors.alreadyInvited', {
        provider: providerName(providerId),
        status: status ? t(`deliver.invitations.status.${status}`) : '',
      });
    }
    if (error.code === 'invalid_invitation') return t('deliver.invitations.errors.invalid');
    if (error.code === 'invitation_closed') return t('deliver.invitations.errors.closed');
    return null;
  };
  const inviteError = invite.error ? refusal(invite.error) : null;
  const revokeError = revoke.error ? refusal(revoke.error) : null;

  return (
    <Card
      size="small"
      title={t('deliver.invitations.title')}
      style={{ marginTop: 12 }}
      data-testid="invitations-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('deliver.invitations.intro')}
      </Typography.Paragraph>
      {canWrite && (
        <Flex gap={8} wrap align="start" style={{ marginBottom: 8 }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 260, flex: '1 1 260px' }}
            placeholder={t('deliver.invitations.pick')}
            value={providerId}
            onChange={(v: string) => {
              setProviderId(v);
              invite.reset();
            }}
            loading={providers.isPending}
            options={(providers.data?.providers ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="invite-provider-select"
          />
          <Input
            style={{ flex: '1 1 200px', minWidth: 160 }}
            placeholder={t('deliver.invitations.reason')}
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
            data-testid="invite-reason"
          />
          <Button
            type="primary"
            disabled={!providerId}
            loading={invite.isPending}
            data-testid="invite-provider"
            onClick={() => {
              if (!providerId) return;
              invite.mutate(
                { providerOrgId: providerId, ...(reason.trim() ? { reason: reason.trim() } : {}) },
                { onSuccess: () => setReason('') },
              );
            }}
          >
            {t('deliver.invitations.invite')}
          </Button>
        </Flex>
      )}
      {canWrite && providerId && eligibility.data && (
        <Typography.Paragraph
          type={eligibility.data.eligible ? 'secondary' : 'warning'}
          data-testid="invite-eligibility"
        >
          {eligibility.data.requiredPools.length === 0
            ? t('deliver.invitations.noPoolRequired')
            : eligibility.data.eligible
              ? t('deliver.invitations.inPool', { pools: pools(eligibility.data) })
              : t('deliver.invitations.notInPool', { pools: pools(eligibility.data) })}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={invite.error} message={inviteError} testId="invite-error" />
      <ErrorAlert error={revoke.error} message={revokeError} testId="revoke-error" />
      <InvitationsTable
        invitations={invitations.data}
        loading={invitations.isPending}
        emptyText={t('deliver.invitations.empty')}
        testId="invitations-table"
        parties={[
          {
            title: t('deliver.invitations.provider'),
            key: 'provider',
            render: (_, i) => <span data-user-text>{i.providerName}</span>,
          },
        ]}
        more={[
          {
            title: t('deliver.invitations.closedAt'),
            key: 'closed',
            render: (_, i) => date(i.revokedAt ?? i.respondedAt),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, i: ProjectInvitation) =>
                    i.status === 'pending' || i.status === 'accepted' ? (
                      <Popconfirm
                        title={t('deliver.invitations.revokeConfirm', { provider: i.providerName })}
                        okText={t('deliver.invitations.revoke')}
                        cancelText={t('deliver.invitations.cancel')}
                        onConfirm={() => revoke.mutate(i.id)}
                      >
                        <Button size="small" danger data-testid="revoke-invitation">
                          {t('deliver.invitations.revoke')}
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
