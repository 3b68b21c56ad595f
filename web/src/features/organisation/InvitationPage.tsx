import { TranslationOutlined } from '@ant-design/icons';
import { CenteredCardPage } from '../../components/CenteredCardPage.tsx';
import { Alert, App, Button, Flex, Form, Input, Popconfirm, Spin, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../../../../src/contracts/auth.ts';
import {
  declineInvitationByCode,
  useAnswerInvitation,
  useInvitationByCode,
  type InvitationView,
} from './invitations-api.ts';
import { useSignOut } from '../account/api.ts';
import { setLanguage } from '../../i18n/index.ts';
import { AcceptWithCode } from './AcceptWithCode.tsx';
import { InvitationDetails } from './InvitationDetails.tsx';
import { invitationErrorText } from './invitation-text.ts';

/**
 * /invitation#<code>: the page an invitation link opens, signed in or not. The code travels in the fragment, so it
 * reaches no server log; the page looks it up, then lets the invitee accept or decline.
 */
export default function InvitationPage({ me }: { me: Me | null }) {
  const { t, i18n } = useTranslation();
  const { hash } = useLocation();
  const [code, setCode] = useState(() => decodeURIComponent(hash.replace(/^#/, '')).trim());
  const lookup = useInvitationByCode(code);
  return (
    <CenteredCardPage maxWidth={520} testId="invitation-page">
      <Flex justify="space-between" align="start">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('organisation.accept.title')}
        </Typography.Title>
        <Button
          type="text"
          icon={<TranslationOutlined />}
          onClick={() => setLanguage(i18n.language === 'en' ? 'zh' : 'en')}
        >
          {t('lang.switch')}
        </Button>
      </Flex>
      {code === '' ? (
        <CodeForm onCode={setCode} />
      ) : lookup.isPending ? (
        <Spin />
      ) : lookup.isError ? (
        <Alert type="error" showIcon role="alert" title={invitationErrorText(t, lookup.error)} />
      ) : (
        <Answer code={code} invitation={lookup.data.invitation} me={me} />
      )}
    </CenteredCardPage>
  );
}

function CodeForm({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  return (
    <Form<{ code: string }> layout="vertical" requiredMark={false} onFinish={(v) => onCode(v.code.trim())}>
      <Typography.Paragraph type="secondary">{t('organisation.accept.noCode')}</Typography.Paragraph>
      <Form.Item
        name="code"
        label={t('organisation.accept.codeLabel')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('organisation.accept.open')}
      </Button>
    </Form>
  );
}

function Answer({ code, invitation, me }: { code: string; invitation: InvitationView; me: Me | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const answer = useAnswerInvitation();
  const signOut = useSignOut();
  const declineByCode = useMutation({ mutationFn: () => declineInvitationByCode(code) });
  const done = (key: 'accepted' | 'declined') => {
    void message.success(t(`organisation.accept.${key}`, { org: invitation.orgName }));
    void navigate('/', { replace: true });
  };
  const error = answer.error ?? declineByCode.error;
  const decline = (
    <Popconfirm
      title={t('organisation.accept.confirmDecline', { org: invitation.orgName })}
      okText={t('organisation.accept.decline')}
      cancelText={t('organisation.cancel')}
      onConfirm={() =>
        me
          ? answer.mutate({ id: invitation.id, answer: 'decline' }, { onSuccess: () => done('declined') })
          : declineByCode.mutate(undefined, { onSuccess: () => done('declined') })
      }
    >
      <Button danger>{t('organisation.accept.decline')}</Button>
    </Popconfirm>
  );
  return (
    <>
      <InvitationDetails invitation={invitation} />
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={invitationErrorText(t, error)}
          style={{ marginBottom: 16 }}
        />
      )}
      {me && me.user.email === invitation.email ? (
        <Flex gap={8} wrap>
          <Button
            type="primary"
            loading={answer.isPending}
            onClick={() =>
              answer.mutate({ id: invitation.id, answer: 'accept' }, { onSuccess: () => done('accepted') })
            }
          >
            {t('organisation.accept.accept')}
          </Button>
          {decline}
        </Flex>
      ) : me ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('organisation.accept.otherAccount', { current: me.user.email, email: invitation.email })}
            style={{ marginBottom: 16 }}
          />
          <Button onClick={() => signOut.mutate()}>{t('organisation.accept.signOut')}</Button>
        </>
      ) : (
        <>
          <AcceptWithCode code={code} invitation={invitation} onAccepted={() => done('accepted')} />
          <Flex justify="end" style={{ marginTop: 16 }}>
            {decline}
          </Flex>
        </>
      )}
    </>
  );
}
