import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../account/api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { usePassGate, type DeliveryPackView, type ProjectView } from './api.ts';
import { useDateText } from './deliver-ui.ts';
import { ChecklistBlock } from './ChecklistBlock.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { useMyParties } from './use-my-parties.ts';

/** The gates in the pack's order, each with its checklist, who may pass it, and "pass gate". */
export function GatesPanel({
  project,
  pack,
  canWrite,
}: {
  project: ProjectView;
  pack: DeliveryPackView;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const date = useDateText();
  const pass = usePassGate(project.id);
  const [gateSent, setGateSent] = useState('');
  const parties = useMyParties(project, pack);
  const me = useMe();
  const partyWords =
    parties.length > 0
      ? parties.map((p) => t(`deliver.parties.${p}`)).join(lang === 'zh' ? '、' : ', ')
      : t('deliver.gates.youActNone');

  return (
    <div data-testid="gates-panel">
      <Typography.Paragraph type="secondary">
        {parties.length > 0 ? t('deliver.gates.youAct', { parties: partyWords }) : partyWords}
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        {pack.gates.map((gate, index) => {
          const state = project.gates.find((g) => g.id === gate.id);
          const list = project.checklists.find((c) => c.id === gate.id);
          const done = list?.items.filter((i) => i.ticked).length ?? 0;
          const passed = state?.passed ?? false;
          const current = project.currentGate === gate.id;
          return (
            <Card
              key={gate.id}
              size="small"
              data-testid={`gate-${gate.id}`}
              data-passed={passed ? 'true' : 'false'}
              title={
                <Flex gap={8} align="center" wrap>
                  <span>
                    {index + 1}. {tx(gate.name)}
                  </span>
                  {passed ? (
                    <Tag color="green">{t('deliver.gates.passed')}</Tag>
                  ) : current ? (
                    <Tag color="blue">{t('deliver.gates.current')}</Tag>
                  ) : (
                    <Tag>{t('deliver.gates.waiting')}</Tag>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                    {t('deliver.gates.checklist', { done, total: gate.checklist.length })}
                  </Typography.Text>
                </Flex>
              }
              extra={
                canWrite &&
                !passed && (
                  <Button
                    type={current ? 'primary' : 'default'}
                    size="small"
                    loading={pass.isPending && gateSent === gate.id}
                    onClick={() => {
                      setGateSent(gate.id);
                      pass.mutate(gate.id);
                    }}
                    data-testid={`gate-pass-${gate.id}`}
                  >
                    {t('deliver.gates.pass')}
                  </Button>
                )
              }
            >
              <Typography.Paragraph style={{ marginBottom: 8 }} data-testid={`gate-party-${gate.id}`}>
                <Tag color="purple">
                  {t('deliver.gates.whoMay', { party: t(`deliver.parties.${gate.party}`) })}
                </Tag>
                {passed && state?.passedAt && (
                  <Typography.Text type="secondary">
                    {t('deliver.gates.passedAt', {
                      date: date(state.passedAt),
                      who:
                        state.passedBy === me.data?.user.id
                          ? t('deliver.changes.me')
                          : t('deliver.changes.someone', { id: (state.passedBy ?? '').slice(0, 8) }),
                    })}
                  </Typography.Text>
                )}
              </Typography.Paragraph>
              {gateSent === gate.id && (
                <ErrorAlert
                  error={pass.error}
                  context={{ project, pack, gateId: gate.id, parties: partyWords }}
                  testId={`gate-error-${gate.id}`}
                />
              )}
              <ChecklistBlock
                project={project}
                pack={pack}
                checklistId={gate.id}
                items={gate.checklist}
                canWrite={canWrite}
                closed={passed}
              />
              {passed && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('deliver.gates.closed')}
                </Typography.Text>
              )}
            </Card>
          );
        })}
      </Flex>
    </div>
  );
}

/** The supervision checklists (过程监督, 质量管控, 知识产权保护) of the pack, ticked with evidence references. */
export function SupervisionPanel({
  project,
  pack,
  canWrite,
}: {
  project: ProjectView;
  pack: DeliveryPackView;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  return (
    <div data-testid="supervision-panel">
      <Typography.Paragraph type="secondary">{t('deliver.supervision.intro')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {pack.supervision.map((list) => {
          const state = project.checklists.find((c) => c.id === list.id);
          const done = state?.items.filter((i) => i.ticked).length ?? 0;
          return (
            <Card
              key={list.id}
              size="small"
              title={
                <Flex gap={8} align="center" wrap>
                  <span>{tx(list.name)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                    {t('deliver.gates.checklist', { done, total: list.items.length })}
                  </Typography.Text>
                  {state?.complete && <Tag color="green">{t('deliver.checklist.complete')}</Tag>}
                </Flex>
              }
            >
              <ChecklistBlock
                project={project}
                pack={pack}
                checklistId={list.id}
                items={list.items}
                canWrite={canWrite}
                closed={false}
              />
            </Card>
          );
        })}
      </Flex>
    </div>
  );
}
