import { Alert, Flex, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateProject } from '../../../../src/contracts/delivery.ts';
import { useUpdateProject, type ProjectView } from './api.ts';
import { usePeriodOf } from './deliver-ui.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Edit scope, budget, dates and provider; a recorded change needs its reason (who, when and why are kept). */
export function EditProjectDialog({
  project,
  open,
  onClose,
}: {
  project: ProjectView;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const period = usePeriodOf(project.calendar);
  const update = useUpdateProject(project.id);
  const [draft, setDraft] = useState(() => ({
    name: project.name,
    scope: project.scope,
    provider: project.provider ?? '',
    budget: project.budget,
    startPeriod: project.startPeriod,
    finishPeriod: project.finishPeriod,
    reason: '',
  }));
  const [tried, setTried] = useState(false);
  const body: UpdateProject = {};
  if (!same(draft.name, project.name)) body.name = draft.name;
  if (!same(draft.scope, project.scope)) body.scope = draft.scope;
  const provider = draft.provider.trim() === '' ? null : draft.provider.trim();
  if (provider !== project.provider) body.provider = provider;
  if (!same(draft.budget, project.budget)) body.budget = draft.budget;
  if (draft.startPeriod !== project.startPeriod) body.startPeriod = draft.startPeriod;
  if (draft.finishPeriod !== project.finishPeriod) body.finishPeriod = draft.finishPeriod;
  const changed = Object.keys(body).length > 0;
  const recorded = ['scope', 'name', 'provider', 'budget', 'startPeriod', 'finishPeriod'].some(
    (k) => k in body,
  );
  const reasonMissing = recorded && draft.reason.trim() === '';
  const periods = project.budget.map((_, p) => ({ value: p, label: period(p) }));

  const save = () => {
    setTried(true);
    if (!changed || reasonMissing) return;
    update.mutate({ ...body, reason: draft.reason.trim() }, { onSuccess: onClose });
  };

  return (
    <Modal
      open={open}
      title={t('deliver.edit.title')}
      onCancel={onClose}
      onOk={save}
      okText={t('deliver.edit.save')}
      cancelText={t('deliver.edit.cancel')}
      confirmLoading={update.isPending}
      okButtonProps={{ disabled: !changed, ...{ 'data-testid': 'edit-save' } }}
      width={640}
      destroyOnHidden
    >
      <Flex vertical gap={8} data-testid="edit-project">
        <label>
          {t('deliver.edit.nameZh')}
          <Input
            value={draft.name.zh}
            onChange={(e) => setDraft({ ...draft, name: { ...draft.name, zh: e.target.value } })}
          />
        </label>
        <label>
          {t('deliver.edit.nameEn')}
          <Input
            value={draft.name.en}
            onChange={(e) => setDraft({ ...draft, name: { ...draft.name, en: e.target.value } })}
          />
        </label>
        <label>
          {t('deliver.edit.scopeZh')}
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            value={draft.scope.zh}
            onChange={(e) => setDraft({ ...draft, scope: { ...draft.scope, zh: e.target.value } })}
          />
        </label>
        <label>
          {t('deliver.edit.scopeEn')}
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            value={draft.scope.en}
            onChange={(e) => setDraft({ ...draft, scope: { ...draft.scope, en: e.target.value } })}
          />
        </label>
        <label>
          {t('deliver.edit.provider')}
          <Input
            value={draft.provider}
            onChange={(e) => setDraft({ ...draft, provider: e.target.value })}
            data-testid="edit-provider"
          />
        </label>
        <Flex gap={8} wrap>
          <label style={{ flex: 1, minWidth: 160 }}>
            {t('deliver.edit.start')}
            <Select
              style={{ width: '100%' }}
              value={draft.startPeriod}
              onChange={(v: number) => setDraft({ ...draft, startPeriod: v })}
              options={periods}
            />
          </label>
          <label style={{ flex: 1, minWidth: 160 }}>
            {t('deliver.edit.finish')}
            <Select
              style={{ width: '100%' }}
              value={draft.finishPeriod}
              onChange={(v: number) => setDraft({ ...draft, finishPeriod: v })}
              options={periods}
            />
          </label>
        </Flex>
        <div>
          <Typography.Text>{t('deliver.edit.budget')}</Typography.Text>
          <Flex gap={8} wrap>
            {draft.budget.map((b, p) => (
              <label key={p} style={{ width: 110, fontSize: 12 }}>
                {period(p)}
                <InputNumber
                  min={0}
                  value={b}
                  style={{ width: '100%' }}
                  onChange={(v) =>
                    setDraft({ ...draft, budget: draft.budget.map((x, i) => (i === p ? (v ?? 0) : x)) })
                  }
                />
              </label>
            ))}
          </Flex>
        </div>
        <label>
          {t('deliver.edit.reason')}
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            value={draft.reason}
            status={tried && reasonMissing ? 'error' : undefined}
            onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
            data-testid="edit-reason"
          />
        </label>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('deliver.edit.reasonHint')}
        </Typography.Text>
        {tried && reasonMissing && <Alert type="warning" showIcon title={t('deliver.edit.reasonRequired')} />}
        {tried && !changed && <Alert type="info" showIcon title={t('deliver.edit.nothing')} />}
        <ErrorAlert error={update.error} context={{ project }} />
      </Flex>
    </Modal>
  );
}
