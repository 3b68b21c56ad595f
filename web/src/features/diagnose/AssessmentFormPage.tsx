import {
  BarChartOutlined,
  CheckCircleFilled,
  DownloadOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Collapse,
  Empty,
  Input,
  Modal,
  Progress,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { RESPONDENT_ROLES, type RespondentRole } from '../../../../src/contracts/diagnosis.ts';
import {
  errorProblems,
  useAssessment,
  useAssessmentActions,
  useModel,
  type AnswerValue,
  type AssignmentInput,
} from './api.ts';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../account/api.ts';
import { itemTexts, sectionGroups } from './form-items.ts';
import { ItemCard } from './ItemCard.tsx';
import { formatDate, useText } from './diagnose-ui.ts';
import { AssigneeTag, SectionAssignment } from './SectionAssignment.tsx';
import { filterSections } from './section-filter.ts';
import { useAutosave, type SaveState } from './useAutosave.ts';
import { StaleVersionDialog } from '../../components/StaleVersionDialog.tsx';
import { staleDetails } from '../../components/stale-version.ts';

/** The answer form: sections → groups → items, autosaved; evidence, verification, submit and reopen. */
export function AssessmentFormPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { tx, lang } = useText();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const detail = useAssessment(id);
  const modelId = detail.data?.assessment.modelId;
  const model = useModel(modelId);
  const actions = useAssessmentActions(id);
  const [answers, setAnswers] = useState<Record<string, AnswerValue | null> | null>(null);
  const showTheirs = useCallback(
    (itemId: string, value: AnswerValue | null) => setAnswers((old) => ({ ...(old ?? {}), [itemId]: value })),
    [],
  );
  const autosave = useAutosave(id, undefined, showTheirs);
  const [staleAssignments, setStaleAssignments] = useState(false);
  const [role, setRole] = useState<RespondentRole | 'all'>('all');
  const [mine, setMine] = useState(false);
  const me = useMe().data?.user.id;
  const [reopening, setReopening] = useState(false);

  // local answers start from the server's and are then edited here (saved by autosave)
  const loaded = detail.data;
  useEffect(() => {
    if (loaded && answers === null)
      setAnswers(Object.fromEntries(loaded.answers.map((a) => [a.itemId, a.value])));
  }, [loaded, answers]);
  // the versions of the answers as stored, sent with each change (someone else's change since is not overwritten)
  const { known } = autosave;
  useEffect(() => {
    if (loaded) known(loaded.answers);
  }, [loaded, known]);

  const onChange = useCallback(
    (itemId: string, value: AnswerValue | null) => {
      setAnswers((old) => ({ ...(old ?? {}), [itemId]: value }));
      autosave.change(itemId, value);
    },
    [autosave],
  );
  const onUpload = useCallback(
    (itemId: string, file: File) => actions.uploadEvidence.mutateAsync({ itemId, file }),
    [actions.uploadEvidence],
  );
  const onRemoveEvidence = useCallback(
    (evidenceId: string) => actions.removeEvidence.mutate(evidenceId),
    [actions.removeEvidence],
  );
  const onVerify = useCallback(
    (v: Parameters<typeof actions.verify.mutateAsync>[0]) => actions.verify.mutateAsync(v),
    [actions.verify],
  );

  const assignments = useMemo(
    () => new Map((loaded?.assignments ?? []).map((a) => [a.sectionId, a])),
    [loaded?.assignments],
  );

  if (detail.isError)
    return (
      <Result
        status={detail.error instanceof ApiError && detail.error.status === 404 ? '404' : 'error'}
        title={t('diagnose.notFound')}
        subTitle={detail.error.message}
        extra={<Link to="/diagnose">{t('diagnose.back')}</Link>}
      />
    );
  if (!loaded || !model.data || answers === null) return <Spin style={{ display: 'block', margin: 48 }} />;

  const a = loaded.assessment;
  const submitted = a.status === 'submitted';
  const editable = loaded.canWrite && !submitted;
  const stored = new Map(loaded.answers.map((x) => [x.itemId, x]));
  const isAnswered = (itemId: string) =>
    (answers[itemId] ?? null) !== null || stored.get(itemId)?.verification === 'corrected';
  const sections = filterSections(model.data.sections, assignments, { role, mine }, me);
  const allItems = model.data.sections.flatMap((s) => s.items);
  const answeredCount = allItems.filter((it) => isAnswered(it.id)).length;
  const itemTitle = (itemId: string) => tx(itemTexts(model.data.model).get(itemId)) || itemId;
  const answerText = (value: AnswerValue | null) =>
    value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const evidenceOf = (itemId: string) => loaded.evidence.filter((e) => e.itemId === itemId);

  const assign = (sectionId: string, to: Omit<AssignmentInput, 'sectionId'> | null) => {
    // the other sections are sent as they are, but a colleague who has left the organisation is no longer named
    const members = new Set(loaded.assignableMembers.map((m) => m.userId));
    const next: AssignmentInput[] = [...assignments.values()]
      .filter((x) => x.sectionId !== sectionId)
      .map(({ sectionId: id, respondentRole, userId }) => ({
        sectionId: id,
        respondentRole,
        userId: userId !== null && members.has(userId) ? userId : null,
      }));
    if (to) next.push({ sectionId, ...to });
    actions.assign.mutate(
      { assignments: next, version: loaded.assessment.version },
      {
        onError: (err) => {
          if (staleDetails(err)) setStaleAssignments(true);
          else void message.error(err.message);
        },
      },
    );
  };

  const submit = async () => {
    await autosave.flush();
    const missing = allItems.length - answeredCount;
    modal.confirm({
      title: t('diagnose.submit'),
      content: (
        <>
          <p>{t('diagnose.submitConfirm')}</p>
          {missing > 0 && <p>{t('diagnose.submitIncomplete', { count: missing })}</p>}
        </>
      ),
      onOk: async () => {
        await actions.submit.mutateAsync();
        void navigate(`/diagnose/${id}/result`);
      },
    });
  };

  const openResults = async () => {
    await autosave.flush();
    void navigate(`/diagnose/${id}/result`);
  };

  const importSheet = (file: File) =>
    actions.importSheet.mutateAsync(file).then(
      async (r) => {
        void message.success(t('diagnose.imported', { count: r.imported }));
        await actions.invalidate();
        setAnswers(null);
      },
      (err: Error) => {
        const problems = errorProblems(err);
        modal.error({
          title: t('diagnose.importFailed'),
          width: 640,
          content: (
            <div style={{ maxHeight: 360, overflow: 'auto' }}>
              {problems.length === 0 ? (
                <p>{err.message}</p>
              ) : (
                <ul style={{ paddingLeft: 18 }}>
                  {problems.map((p, i) => (
                    <li key={i}>
                      <Typography.Text code>{p.where}</Typography.Text> {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ),
        });
      },
    );

  return (
    <div style={{ maxWidth: 980 }}>
      <Link to="/diagnose">← {t('diagnose.back')}</Link>
      <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
        {a.title}
      </Typography.Title>
      <Space size={4} wrap>
        <Tag color="blue">{tx(a.modelTitle)}</Tag>
        <Tag>{t(`diagnose.modes.${a.mode}`)}</Tag>
        <Tag color={submitted ? 'green' : 'default'}>{t(`diagnose.statuses.${a.status}`)}</Tag>
        {a.profile.weightTable && (
          <Tag>
            {tx(model.data.summary.weightTables.find((w) => w.id === a.profile.weightTable)?.name) ||
              a.profile.weightTable}
          </Tag>
        )}
      </Space>

      <div
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 5,
          background: '#f5f5f5',
          padding: '10px 0',
          margin: '8px 0',
          display: 'flex',
          flexWrap: 'wrap',
          gap: 8,
          alignItems: 'center',
        }}
      >
        <Progress
          percent={allItems.length ? Math.round((answeredCount / allItems.length) * 100) : 0}
          style={{ width: 140, margin: 0 }}
          size="small"
        />
        <Typography.Text type="secondary">
          {t('diagnose.answered', { answered: answeredCount, total: allItems.length })}
        </Typography.Text>
        <SaveIndicator state={autosave.state} error={autosave.error} />
        <StaleVersionDialog
          open={autosave.stale !== null}
          changed={(autosave.stale?.items ?? []).map((i) => itemTitle(i.itemId))}
          conflicts={(autosave.stale?.items ?? []).map((i) => ({
            key: i.itemId,
            label: itemTitle(i.itemId),
            mine: answerText(i.mine),
            theirs: answerText(i.theirs),
          }))}
          onReload={() => autosave.resolve({})}
          onMerge={(picks) => autosave.resolve(picks)}
          onCancel={() => autosave.resolve({})}
        />
        <StaleVersionDialog
          open={staleAssignments}
          changed={[t('diagnose.assignTo')]}
          onReload={() => {
            setStaleAssignments(false);
            void actions.invalidate();
          }}
          onCancel={() => {
            setStaleAssignments(false);
            void actions.invalidate();
          }}
        />
        <div style={{ flex: 1 }} />
        <Select
          aria-label={t('diagnose.roleFilter')}
          value={role}
          onChange={setRole}
          style={{ width: 150 }}
          options={[
            { value: 'all', label: t('diagnose.allSections') },
            ...RESPONDENT_ROLES.map((r) => ({ value: r, label: t(`diagnose.roles.${r}`) })),
          ]}
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          {t('diagnose.assignedToMe')}
        </Checkbox>
        <Button icon={<BarChartOutlined />} onClick={() => void openResults()}>
          {t('diagnose.results')}
        </Button>
        {editable && (
          <Button type="primary" onClick={() => void submit()} loading={actions.submit.isPending}>
            {t('diagnose.submit')}
          </Button>
        )}
        {submitted && loaded.canWrite && (
          <Button onClick={() => setReopening(true)}>{t('diagnose.reopen')}</Button>
        )}
      </div>

      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          href={`/api/models/${encodeURIComponent(a.modelId)}/template.xlsx?lang=${lang}`}
        >
          {t('diagnose.template')}
        </Button>
        {editable && (
          <Upload
            accept=".xlsx,.json"
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              importSheet(file as File).then(
                () => onSuccess?.(null),
                (e: Error) => onError?.(e),
              );
            }}
          >
            <Button icon={<UploadOutlined />} loading={actions.importSheet.isPending}>
              {t('diagnose.importSheet')}
            </Button>
          </Upload>
        )}
      </Space>

      {submitted && (
        <Alert type="info" showIcon message={t('diagnose.locked')} style={{ marginBottom: 12 }} />
      )}
      {!loaded.canWrite && (
        <Alert type="warning" showIcon message={t('diagnose.readOnly')} style={{ marginBottom: 12 }} />
      )}

      {sections.length === 0 && mine && (
        <Empty description={t('diagnose.nothingAssignedToMe')} style={{ margin: '24px 0' }} />
      )}
      <Collapse
        defaultActiveKey={sections[0] ? [sections[0].id] : []}
        items={sections.map((s) => {
          const done = s.items.filter((it) => isAnswered(it.id)).length;
          const assigned = assignments.get(s.id);
          return {
            key: s.id,
            label: (
              <Space size={8} wrap>
                <Typography.Text strong>{tx(s.name)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {done}/{s.items.length}
                </Typography.Text>
                {done === s.items.length && <CheckCircleFilled style={{ color: '#52c41a' }} />}
                <AssigneeTag assignment={assigned} me={me} />
              </Space>
            ),
            extra: (
              <SectionAssignment
                sectionName={tx(s.name)}
                assignment={assigned}
                members={loaded.assignableMembers}
                editable={editable}
                onChange={(to) => assign(s.id, to)}
              />
            ),
            children: sectionGroups(model.data.model, s).map((g, gi) => (
              <div key={gi} style={{ marginBottom: 8 }}>
                {g.heading && (
                  <Typography.Title level={5} style={{ margin: '8px 0 0', color: '#1f5fbf' }}>
                    {tx(g.heading)}
                  </Typography.Title>
                )}
                {g.items.map((item) => (
                  <ItemCard
                    key={item.id}
                    assessmentId={id}
                    item={item}
                    value={answers[item.id] ?? null}
                    stored={stored.get(item.id)}
                    evidence={evidenceOf(item.id)}
                    editable={editable}
                    assessor={a.mode === 'assessor'}
                    problem={autosave.problems[item.id]}
                    onChange={onChange}
                    onUpload={onUpload}
                    onRemoveEvidence={onRemoveEvidence}
                    onVerify={onVerify}
                  />
                ))}
              </div>
            )),
          };
        })}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('diagnose.history')}
      </Typography.Title>
      <Timeline
        items={loaded.events.map((e) => ({
          children: (
            <span>
              {t(`diagnose.events.${e.kind}`)} · {e.userName ?? '—'} · {formatDate(e.at, lang)}
              {e.note ? ` · ${e.note}` : ''}
            </span>
          ),
        }))}
      />

      <ReopenModal
        open={reopening}
        onClose={() => setReopening(false)}
        onReopen={async (reason) => {
          await actions.reopen.mutateAsync(reason);
          setReopening(false);
        }}
      />
    </div>
  );
}

function SaveIndicator({ state, error }: { state: SaveState; error: string | null }) {
  const { t } = useTranslation();
  if (state === 'idle') return null;
  if (state === 'saving')
    return (
      <Typography.Text type="secondary" data-testid="save-state" data-state="saving">
        <LoadingOutlined /> {t('diagnose.saving')}
      </Typography.Text>
    );
  if (state === 'saved')
    return (
      <Typography.Text type="success" data-testid="save-state" data-state="saved">
        <CheckCircleFilled /> {t('diagnose.saved')}
      </Typography.Text>
    );
  return (
    <Typography.Text type="danger" data-testid="save-state" data-state="error" role="alert">
      <ExclamationCircleFilled /> {t('diagnose.saveFailed', { message: error ?? '' })}
    </Typography.Text>
  );
}

function ReopenModal({
  open,
  onClose,
  onReopen,
}: {
  open: boolean;
  onClose: () => void;
  onReopen: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title={t('diagnose.reopen')}
      onCancel={onClose}
      okButtonProps={{ disabled: reason.trim() === '' }}
      confirmLoading={busy}
      onOk={() => {
        setBusy(true);
        onReopen(reason.trim())
          .catch((err: Error) => setError(err.message))
          .finally(() => setBusy(false));
      }}
    >
      <Input.TextArea
        aria-label={t('diagnose.reopenReason')}
        placeholder={t('diagnose.reopenReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}
