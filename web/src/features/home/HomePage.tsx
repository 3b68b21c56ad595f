import { Button, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../../src/contracts/auth.ts';
import { NAV_ITEMS } from '../../app/navigation.tsx';
import { MyInvitationsCard } from '../organisation/MyInvitationsCard.tsx';
import { PortfolioOverview } from './PortfolioOverview.tsx';
import { StandingCards } from './StandingCards.tsx';
import { ResultSharingCard } from './ResultSharingCard.tsx';

export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={3}>{t('home.greeting', { name: me.user.displayName })}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('home.org')}>{me.organisation.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('home.role')}>{t(`roles.${me.organisation.role}`)}</Descriptions.Item>
      </Descriptions>
      <MyInvitationsCard />
      {me.organisation.orgKind === 'enterprise' ? (
        <>
          <StandingCards />
          <ResultSharingCard admin={me.organisation.role === 'admin'} />
        </>
      ) : (
        <PortfolioOverview key={me.organisation.orgId} organisation={me.organisation} />
      )}
      <Typography.Title level={4}>{t('home.loopTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.loopIntro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {NAV_ITEMS.filter((item) => item.key !== 'home').map((item) => (
          <Col key={item.key} xs={24} sm={12} xl={8}>
            <Card
              title={
                <span>
                  {item.icon} {t(`nav.${item.key}`)}
                </span>
              }
              extra={
                item.comingSoon ? (
                  <Tag variant="filled" className="tupu-coming-tag">
                    {t('empty.coming')}
                  </Tag>
                ) : (
                  <Link to={item.path}>
                    <Button type="link">{t('home.open')}</Button>
                  </Link>
                )
              }
              className={item.comingSoon ? 'tupu-card-coming' : undefined}
              data-testid={`home-loop-${item.key}`}
              style={{ height: '100%' }}
            >
              {t(`loop.${item.key}`)}
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
