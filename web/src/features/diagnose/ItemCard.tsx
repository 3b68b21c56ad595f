import { CheckCircleOutlined, DeleteOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Radio, Space, Tag, Typography, Upload } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES } from '../../../../src/contracts/diagnosis.ts';
import type { Answer, AnswerValue, Evidence, VerifyRequest } from './api.ts';
import type { FormItem } from './form-items.ts';
import { ItemInput } from './ItemInput.tsx';
import { showAnswer, useText } from './diagnose-ui.ts';

interface Props {
  assessmentId: string;
  item: FormItem;
  value: AnswerValue | null;
  stored: Answer | undefined;
  evidence: Evidence[];
  editable: boolean;
  assessor: boolean;
  problem: string | undefined;
  onChange: (itemId: string, value: AnswerValue | null) => void;
  onUpload: (itemId: string, file: File) => Promise<unknown>;
  onRemoveEvidence: (evidenceId: string) => void;
  onVerify: (v: VerifyRequest) => Promise<unknown>;
}

/** One item of the form: its question, input, evidence files and (assessor mode) verification. */
export const ItemCard = memo(function ItemCard(p: Props) {
  const { t } = useTranslation();
  const { tx } = useText();
  const { message } = App.useApp();
  const [verifying, setVerifying] = useState(false);
  const { item, stored } = p;
  const title = tx(item.title);

  return (
    <div
      data-item={item.id}
      style={{
        padding: '12px 0',
        borderBottom: '1px solid #f0f0f0',
        ...(p.problem ? { background: '#fff2f0' } : {}),
      }}
    >
      <Space size={6} wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {item.code !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="item-code">
            {item.code}
          </Typography.Text>
        )}
        {item.tag === 'constrained' ? (
          <Tag color="orange">{t('diagnose.constrained')}</Tag>
        ) : item.tag ? (
          <Tag>{tx(item.tag)}</Tag>
        ) : null}
        {stored?.verification === 'verified' && (
          <Tag color="green" icon={<CheckCircleOutlined />}>
            {t('diagnose.verified')}
          </Tag>
        )}
        {stored?.verification === 'corrected' && (
          <Tag color="volcano" icon={<EditOutlined />}>
            {t('diagnose.corrected')}
          </Tag>
        )}
      </Space>
      {item.prompt && (
        <Typography.Paragraph
          style={{ marginBottom: 8 }}
          type={item.def.kind === 'question' ? 'secondary' : undefined}
        >
          {tx(item.prompt)}
        </Typography.Paragraph>
      )}
      {item.help && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {tx(item.help)}
        </Typography.Paragraph>
      )}
      <ItemInput
        item={item.def}
        value={p.value}
        disabled={!p.editable}
        label={title}
        onChange={(v) => p.onChange(item.id, v)}
      />
      {p.problem && (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 4 }}>
          {p.problem}
        </Typography.Text>
      )}
      {stored?.verification === 'corrected' && (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 12 }}>
          {t('diagnose.originalAnswer')}: {showAnswer(stored.value)} → {t('diagnose.correctedAnswer')}:{' '}
          <Typography.Text strong>{showAnswer(stored.verifiedValue)}</Typography.Text>
          {stored.verificationReason ? ` · ${t('diagnose.reason')}: ${stored.verificationReason}` : ''}
        </Typography.Paragraph>
      )}
      <Space size={4} wrap style={{ marginTop: 6 }}>
        {p.evidence.map((e) => (
          <Tag key={e.id} icon={<PaperClipOutlined />} style={{ maxWidth: 260 }}>
            <a href={`/api/assessments/${p.assessmentId}/evidence/${e.id}`} title={e.fileName}>
              {e.fileName.length > 28 ? `${e.fileName.slice(0, 26)}…` : e.fileName}
            </a>
            {p.editable && (
              <DeleteOutlined
                aria-label={t('diagnose.remove')}
                style={{ marginLeft: 6, cursor: 'pointer' }}
                onClick={() => p.onRemoveEvidence(e.id)}
              />
            )}
          </Tag>
        ))}
        {p.editable && (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_UPLOAD_BYTES) {
                void message.error(t('diagnose.uploadTooLarge'));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              p.onUpload(item.id, file as File).then(
                (r) => onSuccess?.(r),
                (err: Error) => {
                  void message.error(err.message);
                  onError?.(err);
                },
              );
            }}
          >
            <Button size="small" type="text" icon={<PaperClipOutlined />}>
              {t('diagnose.upload')}
            </Button>
          </Upload>
        )}
        {p.assessor && p.editable && (
          <Button size="small" type="text" icon={<CheckCircleOutlined />} onClick={() => setVerifying(true)}>
            {t('diagnose.verify')}
          </Button>
        )}
      </Space>
      {verifying && (
        <VerifyModal
          item={item}
          stored={stored}
          current={p.value}
          onClose={() => setVerifying(false)}
          onVerify={p.onVerify}
        />
      )}
    </div>
  );
});

function VerifyModal({
  item,
  stored,
  current,
  onClose,
  onVerify,
}: {
  item: FormItem;
  stored: Answer | undefined;
  current: AnswerValue | null;
  onClose: () => void;
  onVerify: Props['onVerify'];
}) {
  const { t } = useTranslation();
  const { tx } = useText();
  const [kind, setKind] = useState<VerifyRequest['verification']>(stored?.verification ?? 'verified');
  const [value, setValue] = useState<AnswerValue | null>(stored?.verifiedValue ?? current);
  const [reason, setReason] = useState(stored?.verificationReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    if (kind === 'corrected' && reason.trim() === '') return setError(t('diagnose.reasonRequired'));
    if (kind === 'corrected' && value === null) return setError(t('diagnose.correctedAnswer'));
    setBusy(true);
    try {
      await onVerify({
        itemId: item.id,
        verification: kind,
        reason,
        ...(kind === 'corrected' && value !== null ? { value } : {}),
      });
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t('diagnose.verify')} · ${tx(item.title)}`}
      onCancel={onClose}
      onOk={() => void ok()}
      confirmLoading={busy}
    >
      <Typography.Paragraph>
        {t('diagnose.originalAnswer')}: <Typography.Text strong>{showAnswer(current)}</Typography.Text>
      </Typography.Paragraph>
      <Radio.Group
        value={kind}
        onChange={(e) => setKind(e.target.value as VerifyRequest['verification'])}
        optionType="button"
        options={[
          { value: 'verified', label: t('diagnose.confirmAnswer') },
          { value: 'corrected', label: t('diagnose.correct') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {kind === 'corrected' && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text>{t('diagnose.correctedAnswer')}</Typography.Text>
          <ItemInput
            item={item.def}
            value={value}
            disabled={false}
            label={t('diagnose.correctedAnswer')}
            onChange={setValue}
          />
        </div>
      )}
      <Input.TextArea
        aria-label={t('diagnose.reason')}
        placeholder={t('diagnose.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        maxLength={2000}
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}
