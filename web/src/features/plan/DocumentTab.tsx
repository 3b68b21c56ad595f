import {
  CheckCircleOutlined,
  FileTextOutlined,
  FileWordOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  planDocumentUrl,
  usePlanDocument,
  useSavePlanDocument,
  type PlanDocumentView,
  type PlanView,
} from './api.ts';
import { StaleVersionDialog } from '../../components/StaleVersionDialog.tsx';
import { mergeFields, resolveMerge, type Pick } from '../../components/stale-version.ts';
import { useVersionedSave } from '../../components/useVersionedSave.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { usePlanPartLabel } from './plan-merge.ts';

/**
 * 规划文档: the 转型规划方案 (guide 二(一)) made from the plan — each section's pre-filled text to edit and save, and
 * the document to download as Word or PDF once the plan has a current roadmap. Edits are kept per language: the
 * editor shows, saves and downloads the edits of the UI's language.
 */
export function DocumentTab({ plan, canWrite }: { plan: PlanView; canWrite: boolean }) {
  const { lang } = useLocalized();
  // one document per language: switching the language starts afresh (its edits, no earlier confirmation)
  return <LanguageDocument key={lang} lang={lang} plan={plan} canWrite={canWrite} />;
}

function LanguageDocument({
  lang,
  plan,
  canWrite,
}: {
  lang: 'zh' | 'en';
  plan: PlanView;
  canWrite: boolean;
}) {
  const version = `${plan.updatedAt}|${plan.solution?.solvedAt ?? ''}`;
  const document = usePlanDocument(plan.id, lang, version);
  // the save lives here, not in the editor: the editor starts afresh from every new view (the saved one included),
  // and the save's state (saving, saved, its error) must outlive that
  const save = useSavePlanDocument(plan.id, lang);
  if (document.isPending) return <Skeleton active />;
  if (document.isError) return <Alert type="error" showIcon title={document.error.message} />;
  return (
    <DocumentEditor
      key={document.dataUpdatedAt}
      lang={lang}
      plan={plan}
      view={document.data}
      canWrite={canWrite}
      save={save}
    />
  );
}

function DocumentEditor({
  lang,
  plan,
  view,
  canWrite,
  save,
}: {
  lang: 'zh' | 'en';
  plan: PlanView;
  view: PlanDocumentView;
  canWrite: boolean;
  save: ReturnType<typeof useSavePlanDocument>;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.sections.map((s) => [s.id, s.text])),
  );
  const dirty = view.sections.some((s) => (drafts[s.id] ?? s.text) !== s.text);
  const blockedText = view.blocked === 'stale' ? t('plan.document.stale') : t('plan.document.notSolved');

  const download = (format: 'docx' | 'pdf') => {
    const button = (
      <Button
        icon={format === 'docx' ? <FileWordOutlined /> : <FileTextOutlined />}
        href={view.ready ? planDocumentUrl(plan.id, format, lang) : undefined}
        disabled={!view.ready}
        data-testid={`plan-document-${format}`}
      >
        {format === 'docx' ? t('plan.document.downloadWord') : t('plan.document.downloadPdf')}
      </Button>
    );
    return view.ready ? (
      button
    ) : (
      <Tooltip title={blockedText}>
        <span>{button}</span>
      </Tooltip>
    );
  };
  // only the sections changed here are sent: someone else's edits of other sections are kept
  const changedEdits = (from: PlanDocumentView, texts: Record<string, string>) =>
    Object.fromEntries(
      from.sections.flatMap((s) => {
        const text = texts[s.id] ?? s.text;
        return text === s.text ? [] : [[s.id, text === s.prefilled ? '' : text]];
      }),
    );
  const submit = () => save.mutate({ edits: changedEdits(view, drafts), version: view.version });
  const { stale, close } = useVersionedSave<PlanDocumentView>(save);
  const client = useQueryClient();
  const sectionTitle = (id: string) => view.sections.find((s) => s.id === id)?.title;
  const partLabel = usePlanPartLabel(sectionTitle);
  const textsOf = (v: PlanDocumentView) => Object.fromEntries(v.sections.map((s) => [s.id, s.text]));
  const theirs = stale ? textsOf(stale.current) : {};
  const merge = stale ? mergeFields(textsOf(view), { ...textsOf(view), ...drafts }, theirs) : null;
  /** Shows their document (a new view: the editor starts afresh from it). */
  const showTheirs = (current: PlanDocumentView) =>
    client.setQueriesData({ queryKey: ['plans', 'document', plan.id, lang] }, current);
  const mergeAndSave = (picks: Record<string, Pick>) => {
    if (!stale || !merge) return;
    const current = stale.current;
    const merged = resolveMerge(merge, theirs, picks);
    close();
    save.mutate(
      { edits: changedEdits(current, merged), version: current.version },
      { onError: () => showTheirs(current) },
    );
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('plan.document.explain')}
      </Typography.Paragraph>
      {!view.ready && (
        <Alert
          type="warning"
          showIcon
          title={blockedText}
          description={view.blocked === 'not_solved' ? t('plan.document.notSolvedTexts') : undefined}
        />
      )}
      <Flex
        gap={8}
        wrap
        align="center"
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 2,
          background: 'var(--ant-color-bg-layout, #f5f5f5)',
          padding: '8px 0',
        }}
      >
        {canWrite && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={submit}
            data-testid="plan-document-save"
          >
            {t('plan.document.save')}
          </Button>
        )}
        {download('docx')}
        {download('pdf')}
        {dirty ? (
          <Typography.Text type="warning">
            {t('plan.document.unsaved')} · {t('plan.document.hintDownload')}
          </Typography.Text>
        ) : (
          save.isSuccess && (
            <Typography.Text type="success" role="status" data-testid="plan-document-saved">
              <CheckCircleOutlined /> {t('plan.document.saved')}
            </Typography.Text>
          )
        )}
      </Flex>
      {save.isError && !stale && <Alert type="error" showIcon title={save.error.message} />}
      <StaleVersionDialog
        open={stale !== null}
        changed={(stale?.changed ?? []).map(partLabel)}
        conflicts={(merge?.conflicts ?? []).map((key) => ({
          key,
          label: sectionTitle(key) ?? key,
          mine: <Typography.Text ellipsis={{ tooltip: true }}>{merge?.merged[key]}</Typography.Text>,
          theirs: <Typography.Text ellipsis={{ tooltip: true }}>{theirs[key]}</Typography.Text>,
        }))}
        onReload={() => {
          if (stale) showTheirs(stale.current);
          close();
        }}
        onMerge={mergeAndSave}
        onCancel={close}
      />
      {view.sections.map((section) => {
        const draft = drafts[section.id] ?? section.text;
        const changed = draft !== section.prefilled;
        return (
          <Card
            key={section.id}
            size="small"
            title={
              <Space>
                <span>{section.title}</span>
                <Tag color={changed ? 'orange' : 'default'}>
                  {changed ? t('plan.document.edited') : t('plan.document.prefilled')}
                </Tag>
              </Space>
            }
            extra={
              canWrite && (
                <Button
                  size="small"
                  type="link"
                  icon={<UndoOutlined />}
                  disabled={!changed}
                  onClick={() => setDrafts({ ...drafts, [section.id]: section.prefilled })}
                >
                  {t('plan.document.reset')}
                </Button>
              )
            }
          >
            <Input.TextArea
              value={draft}
              readOnly={!canWrite}
              autoSize={{ minRows: 3, maxRows: 18 }}
              aria-label={section.title}
              data-testid={`plan-document-section-${section.id}`}
              onChange={(e) => setDrafts({ ...drafts, [section.id]: e.target.value })}
            />
          </Card>
        );
      })}
    </Flex>
  );
}
