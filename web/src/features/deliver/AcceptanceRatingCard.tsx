import { Button, Card, Flex, Input, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format-date.ts';
import { useMe } from '../account/api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { useRateAcceptance, type ProjectView } from './api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

const SCALE = 5;

/** 验收满意度: after 竣工验收 the owning enterprise rates its provider's work; others read it. */
export function AcceptanceRatingCard({
  project,
  canRate,
}: {
  project: ProjectView;
  /** the owning enterprise with write access; an invited provider reads only */
  canRate: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = useLocalized();
  const me = useMe();
  const rate = useRateAcceptance(project.id);
  const current = project.acceptance;
  const [rating, setRating] = useState(current?.rating ?? 0);
  const [comment, setComment] = useState(current?.comment ?? '');
  const lastGate = project.gates[project.gates.length - 1];
  const accepted = Boolean(lastGate?.passed);

  const who = (id: string | null) => {
    if (id && id === me.data?.user.id) return me.data.user.displayName;
    const member = project.team.find((m) => m.userId === id);
    return member?.name ?? t('deliver.acceptance.someone');
  };
  const when = (iso: string) => formatDate(iso, lang);

  let body: React.ReactNode;
  if (!accepted)
    body = <Typography.Paragraph type="secondary">{t('deliver.acceptance.notYet')}</Typography.Paragraph>;
  else if (!project.provider)
    body = <Typography.Paragraph type="secondary">{t('deliver.acceptance.noProvider')}</Typography.Paragraph>;
  else
    body = (
      <Flex vertical gap={8}>
        {current ? (
          <div data-testid="acceptance-current">
            <Rate disabled value={current.rating} count={SCALE} />
            {current.comment && (
              <Typography.Paragraph
                data-user-text
                data-testid="acceptance-comment"
                style={{ margin: '4px 0' }}
              >
                {current.comment}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" data-testid="acceptance-by">
              {t('deliver.acceptance.ratedBy', { who: who(current.ratedBy), when: when(current.ratedAt) })}
            </Typography.Text>
          </div>
        ) : (
          !canRate && <Typography.Text type="secondary">{t('deliver.acceptance.notRated')}</Typography.Text>
        )}
        {canRate ? (
          <Flex vertical gap={8} style={{ maxWidth: 560 }}>
            <Rate value={rating} onChange={setRating} count={SCALE} data-testid="acceptance-rate" />
            <Input.TextArea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={1000}
              rows={3}
              placeholder={t('deliver.acceptance.comment')}
              aria-label={t('deliver.acceptance.comment')}
              data-testid="acceptance-comment-input"
            />
            <div>
              <Button
                type="primary"
                disabled={rating < 1}
                loading={rate.isPending}
                onClick={() => rate.mutate({ rating, comment })}
                data-testid="acceptance-save"
              >
                {t('deliver.acceptance.save')}
              </Button>
            </div>
            <ErrorAlert error={rate.error} context={{ project }} testId="acceptance-error" />
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('deliver.acceptance.readOnly')}</Typography.Text>
        )}
      </Flex>
    );

  return (
    <Card
      size="small"
      title={t('deliver.acceptance.title')}
      style={{ margin: '8px 0' }}
      data-testid="acceptance-card"
    >
      {accepted && project.provider && (
        <Typography.Paragraph type="secondary">{t('deliver.acceptance.intro')}</Typography.Paragraph>
      )}
      {body}
    </Card>
  );
}
