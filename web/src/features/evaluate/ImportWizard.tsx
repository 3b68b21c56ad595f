import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Select, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { LEDGER_KINDS } from '../../../../src/contracts/evaluation.ts';
import {
  uploadLedger,
  useImportLedger,
  useKpiCatalogue,
  type LedgerKind,
  type LedgerProblem,
  type LedgerUploadPreview,
} from './api.ts';
import { EvaluateErrorAlert } from './EvaluateErrorAlert.tsx';

/** 台账导入: choose a .csv/.xlsx → upload → preview with the mapping editable per column → import. */
export function ImportWizard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const catalogue = useKpiCatalogue();
  const doImport = useImportLedger();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState(0);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [preview, setPreview] = useState<LedgerUploadPreview | null>(null);
  const [targets, setTargets] = useState<Record<string, string | null>>({});
  const [kind, setKind] = useState<LedgerKind | null>(null);
  const [done, setDone] = useState<{ rows: number; fileName: string } | null>(null);

  const reset = () => {
    setStep(0);
    setPreview(null);
    setTargets({});
    setKind(null);
    setUploadError(null);
    setDone(null);
    doImport.reset();
  };

  const onFile = async (file: File) => {
    setUploading(true);
    setUploadError(null);
    try {
      const p = await uploadLedger(file);
      setPreview(p);
      setTargets(Object.fromEntries(p.columns.map((c) => [c.header, c.target])));
      setKind(p.kind);
      setStep(1);
    } catch (e) {
      setUploadError(e);
    } finally {
      setUploading(false);
    }
  };

  const dateHeader = Object.entries(targets).find(([, v]) => v === 'date')?.[0];
  const fields = Object.fromEntries(
    Object.entries(targets)
      .filter(([, v]) => v !== null && v !== 'date')
      .map(([h, v]) => [v as string, h]),
  );
  const canImport =
    preview !== null && kind !== null && dateHeader !== undefined && Object.keys(fields).length > 0;

  const submit = (skipProblemRows: boolean) => {
    if (!preview || !kind || !dateHeader) return;
    doImport.mutate(
      { uploadId: preview.uploadId, kind, mapping: { date: dateHeader, fields }, skipProblemRows },
      {
        onSuccess: (r) => {
          setDone({ rows: r.rows, fileName: r.fileName });
          setStep(2);
        },
      },
    );
  };

  const problems: LedgerProblem[] =
    doImport.error instanceof ApiError && doImport.error.code === 'ledger_problems'
      ? ((doImport.error.details as { problems?: LedgerProblem[] } | null)?.problems ?? [])
      : [];
  const targetOptions = [
    { value: 'date', label: t('evaluate.wizard.dateColumn') },
    ...(catalogue.data?.fields ?? []).map((f) => ({
      value: f.id,
      label: lang === 'en' ? `${f.name.en} (${f.unit.en})` : `${f.name.zh}（${f.unit.zh}）`,
    })),
  ];

  return (
    <>
      <Button
        type="primary"
        icon={<UploadOutlined />}
        data-testid="import-open"
        style={{ marginBottom: 16 }}
        onClick={() => {
          reset();
          setOpen(true);
        }}
      >
        {t('evaluate.wizard.open')}
      </Button>
      <Modal
        open={open}
        width={960}
        title={t('evaluate.wizard.title')}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <Steps
          current={step}
          style={{ marginBottom: 16 }}
          items={[
            { title: t('evaluate.wizard.stepFile') },
            { title: t('evaluate.wizard.stepMap') },
            { title: t('evaluate.wizard.stepDone') },
          ]}
        />
        {step === 0 ? (
          <Spin spinning={uploading}>
            <Upload.Dragger
              accept=".csv,.xlsx"
              multiple={false}
              showUploadList={false}
              data-testid="import-file"
              beforeUpload={(file) => {
                void onFile(file);
                return false;
              }}
            >
              <p>{t('evaluate.wizard.choose')}</p>
              <Typography.Text type="secondary">{t('evaluate.wizard.formats')}</Typography.Text>
            </Upload.Dragger>
            <EvaluateErrorAlert error={uploadError} />
          </Spin>
        ) : null}
        {step === 1 && preview ? (
          <div data-testid="import-preview">
            <Typography.Paragraph>
              {t('evaluate.wizard.summary', { file: preview.fileName, rows: preview.rows })}
            </Typography.Paragraph>
            {preview.remembered ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title={t('evaluate.wizard.remembered')}
              />
            ) : null}
            {preview.importedAs ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title={t('evaluate.wizard.importedAs', {
                  file: preview.importedAs.fileName,
                  at: preview.importedAs.importedAt.slice(0, 10),
                })}
              />
            ) : null}
            <Space style={{ marginBottom: 8 }}>
              <span>{t('evaluate.wizard.kind')}</span>
              <Select<LedgerKind>
                style={{ width: 200 }}
                value={kind ?? undefined}
                onChange={setKind}
                data-testid="import-kind"
                options={LEDGER_KINDS.map((k) => ({ value: k, label: t(`evaluate.kinds.${k}`) }))}
              />
            </Space>
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={false}
              scroll={{ x: 'max-content', y: 320 }}
              dataSource={preview.sampleRows.map((cells) => ({ cells }))}
              columns={preview.headers.map((h, i) => ({
                key: h,
                title: (
                  <div style={{ minWidth: 160 }}>
                    <div>{h}</div>
                    <Select
                      allowClear
                      size="small"
                      style={{ width: '100%' }}
                      data-testid={`map-${h}`}
                      placeholder={t('evaluate.wizard.unmapped')}
                      value={targets[h] ?? undefined}
                      onChange={(v: string | undefined) => setTargets({ ...targets, [h]: v ?? null })}
                      options={targetOptions}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </div>
                ),
                render: (_: unknown, r: { cells: (string | null)[] }) => r.cells[i] ?? '',
              }))}
            />
            {problems.length > 0 ? (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 8 }}
                data-testid="import-problems"
                title={t('evaluate.wizard.problems', {
                  count:
                    (doImport.error as ApiError & { details: { total?: number } }).details.total ??
                    problems.length,
                })}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
                    {problems.map((p, i) => (
                      <li key={i}>
                        {t('evaluate.wizard.problem', { row: p.row, column: p.column, header: p.header })}
                        {p.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <EvaluateErrorAlert error={doImport.error} />
            )}
            <Space style={{ marginTop: 12 }}>
              <Button onClick={reset}>{t('evaluate.wizard.back')}</Button>
              <Button
                type="primary"
                disabled={!canImport}
                loading={doImport.isPending}
                onClick={() => submit(false)}
                data-testid="import-submit"
              >
                {t('evaluate.wizard.import')}
              </Button>
              {problems.length > 0 ? (
                <Button danger onClick={() => submit(true)} data-testid="import-skip">
                  {t('evaluate.wizard.skip')}
                </Button>
              ) : null}
            </Space>
          </div>
        ) : null}
        {step === 2 && done ? (
          <div data-testid="import-done">
            <Alert
              type="success"
              showIcon
              title={t('evaluate.wizard.done', { file: done.fileName, rows: done.rows })}
            />
            <Button style={{ marginTop: 12 }} onClick={() => setOpen(false)}>
              {t('evaluate.wizard.close')}
            </Button>
          </div>
        ) : null}
      </Modal>
    </>
  );
}
