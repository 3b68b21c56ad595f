import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { projectFileUrl, useItemFiles, useTickItem, type DeliveryPackView, type ProjectView } from './api.ts';
import { useDateText } from './deliver-ui.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

type Item = DeliveryPackView['gates'][number]['checklist'][number];

/** One checklist (a gate's or a supervision list) of the pack, with the project's ticks and their evidence. */
export function ChecklistBlock({
  project,
  pack,
  checklistId,
  items,
  canWrite,
  closed,
}: {
  project: ProjectView;
  pack: DeliveryPackView;
  checklistId: string;
  items: Item[];
  canWrite: boolean;
  /** a passed gate: its checklist no longer changes */
  closed: boolean;
}) {
  const state = project.checklists.find((c) => c.id === checklistId);
  return (
    <Flex vertical gap={6} data-testid={`checklist-${checklistId}`}>
      {items.map((item) => (
        <ItemRow
          key={item.id}
          project={project}
          pack={pack}
          checklistId={checklistId}
          item={item}
          tick={state?.items.find((i) => i.id === item.id)}
          canWrite={canWrite && !closed}
        />
      ))}
    </Flex>
  );
}

function ItemRow({
  project,
  pack,
  checklistId,
  item,
  tick,
  canWrite,
}: {
  project: ProjectView;
  pack: DeliveryPackView;
  checklistId: string;
  item: Item;
  tick: ProjectView['checklists'][number]['items'][number] | undefined;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const date = useDateText();
  const save = useTickItem(project.id);
  const files = useItemFiles(project.id);
  const uploaded = tick?.files ?? [];
  const fileName = (ref: string): string =>
    ref.startsWith('file:') ? (uploaded.find((f) => `file:${f.id}` === ref)?.fileName ?? ref) : ref;
  const [asking, setAsking] = useState(false);
  const [evidence, setEvidence] = useState('');
  const ticked = tick?.ticked ?? false;
  const send = (on: boolean, refs: string[]) =>
    save.mutate(
      { checklistId, itemId: item.id, ticked: on, evidence: refs },
      {
        onSuccess: () => {
          setAsking(false);
          setEvidence('');
        },
      },
    );
  const toggle = () => {
    if (ticked) send(false, []);
    else if (item.evidence) setAsking(true);
    else send(true, []);
  };
  const refs = evidence
    .split(/[,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

  return (
    <div data-testid={`item-${checklistId}-${item.id}`} data-ticked={ticked ? 'true' : 'false'}>
      <Flex gap={8} align="start" wrap>
        <Checkbox
          checked={ticked}
          disabled={!canWrite || save.isPending}
          onChange={toggle}
          aria-label={tx(item.text)}
        >
          {tx(item.text)}
        </Checkbox>
        {item.evidence && <Tag color="blue">{t('deliver.checklist.evidence')}</Tag>}
        {canWrite && !ticked && (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              files.upload.mutate({ checklistId, itemId: item.id, file });
              return false;
            }}
          >
            <Button
              size="small"
              type="link"
              icon={<PaperClipOutlined />}
              loading={files.upload.isPending}
              style={{ paddingInline: 0, height: 22 }}
              data-testid="item-file-upload"
            >
              {t('deliver.checklist.upload')}
            </Button>
          </Upload>
        )}
        {ticked && tick?.tickedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('deliver.checklist.tickedAt', { date: date(tick.tickedAt) })}
          </Typography.Text>
        )}
      </Flex>
      {ticked && (tick?.evidence.length ?? 0) > 0 && (
        <div style={{ marginInlineStart: 24 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('deliver.checklist.evidenceRefs')}:{' '}
          </Typography.Text>
          {tick?.evidence.map((e) => (
            <Tag key={e} data-user-text>
              {fileName(e)}
            </Tag>
          ))}
        </div>
      )}
      {asking && (
        <Space.Compact
          style={{ marginInlineStart: 24, marginTop: 4, maxWidth: 520, width: 'calc(100% - 24px)' }}
        >
          <Input
            autoFocus
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            onPressEnter={() => (refs.length > 0 || uploaded.length > 0) && send(true, refs)}
            placeholder={t('deliver.checklist.evidencePlaceholder')}
            aria-label={t('deliver.checklist.evidenceRefs')}
            data-testid="evidence-input"
          />
          <Button
            type="primary"
            disabled={refs.length === 0 && uploaded.length === 0}
            loading={save.isPending}
            onClick={() => send(true, refs)}
            data-testid="evidence-save"
          >
            {t('deliver.checklist.save')}
          </Button>
          <Button onClick={() => setAsking(false)}>{t('deliver.checklist.cancel')}</Button>
        </Space.Compact>
      )}
      {uploaded.length > 0 && (
        <Flex gap={6} align="center" wrap style={{ marginInlineStart: 24, marginTop: 4 }}>
          {uploaded.map((file) => (
            <Tag key={file.id} data-testid={`item-file-${file.id}`}>
              <a href={projectFileUrl(project.id, file.id)} download data-user-text>
                {file.fileName}
              </a>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                {fileSize(file.size)}
              </Typography.Text>
              {canWrite && !ticked && (
                <Button
                  size="small"
                  type="link"
                  danger
                  style={{ paddingInline: 4, height: 'auto' }}
                  loading={files.remove.isPending && files.remove.variables === file.id}
                  onClick={() => files.remove.mutate(file.id)}
                  aria-label={t('deliver.checklist.removeFile', { name: file.fileName })}
                >
                  {t('deliver.checklist.remove')}
                </Button>
              )}
            </Tag>
          ))}
        </Flex>
      )}
      <ErrorAlert
        error={files.upload.error ?? files.remove.error}
        context={{ project, pack, gateId: checklistId, itemText: tx(item.text) }}
      />
      <ErrorAlert
        error={save.error}
        context={{ project, pack, gateId: checklistId, itemText: tx(item.text) }}
      />
    </div>
  );
}

/** 1.2 MB, 340 KB, 12 B */
function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
