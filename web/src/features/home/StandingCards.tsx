import { AuditOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAssessments } from '../diagnose/api.ts';
import { usePlans } from '../plan/api.ts';
import { useLevelName } from '../diagnose/level-name.ts';

/** "Where do we stand, what first": the latest submitted diagnosis and the latest plan of the organisation. */
export function StandingCards() {
  const { t } = useTranslation();
  const assessments = useAssessments();
  const plans = usePlans();
  const levelName = useLevelName();
  const latest = assessments.data?.find((a) => a.status === 'submitted');
  const plan = plans.data?.[0];

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
      <Col xs={24} md={12}>
        <Card
          loading={assessments.isPending}
          title={
            <span>
              <AuditOutlined /> {t('home.standing')}
            </span>
          }
          style={{ height: '100%' }}
          data-testid="home-standing"
        >
          {latest ? (
            <Link to={`/diagnose/${latest.id}/result`}>
              <Statistic
                title={latest.title}
                value={latest.score ?? 0}
                precision={2}
                suffix={
                  <>
                    / {latest.maxScore ?? 100}{' '}
                    <Tag color="blue">{levelName(latest) ?? t('home.noLevel')}</Tag>
                  </>
                }
              />
            </Link>
          ) : (
            <Typography.Text type="secondary">
              {t('home.noAssessment')} <Link to="/diagnose">{t('home.open')}</Link>
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card
          loading={plans.isPending}
          title={
            <span>
              <ScheduleOutlined /> {t('home.whatFirst')}
            </span>
          }
          style={{ height: '100%' }}
          data-testid="home-plan"
        >
          {plan ? (
            <Link to={`/plan/${plan.id}?tab=roadmap`}>
              {/* the unit stays short beside the value; what the value is goes on its own line below */}
              <Statistic
                title={plan.title}
                value={plan.objective ?? 0}
                precision={1}
                suffix={<span style={{ whiteSpace: 'nowrap' }}>{t('home.npvUnit')}</span>}
              />
              <Space size={8} wrap>
                <Typography.Text type="secondary">{t('home.npvLabel')}</Typography.Text>
                {plan.status && <Tag color="green">{t(`plan.roadmap.statuses.${plan.status}`)}</Tag>}
              </Space>
            </Link>
          ) : (
            <Typography.Text type="secondary">
              {t('home.noPlan')} <Link to="/plan">{t('home.open')}</Link>
            </Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}
