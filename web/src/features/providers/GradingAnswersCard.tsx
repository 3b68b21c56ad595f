import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, IndicatorSystem } from '../diagnose/api.ts';
import { useText } from '../diagnose/diagnose-ui.ts';
import { sectionGroups } from '../diagnose/form-items.ts';
import { ItemInput } from '../diagnose/ItemInput.tsx';
import { useGradingModel } from './api.ts';

type Answers = Record<string, AnswerValue>;

/**
 * The typed part of the provider's grade: every question of the grading model (服务企业情况, 产品服务能力,
 * 综合服务能力) with its options; the 工作实效 questions are shown as computed from finished projects, never typed.
 */
export function GradingAnswersCard({
  answers,
  onChange,
  disabled,
}: {
  answers: Answers;
  onChange: (answers: Answers) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { tx } = useText();
  const grading = useGradingModel();
  if (!grading.data) return <Card size="small" loading style={{ marginBottom: 16 }} />;
  const { model, sections, computed } = grading.data;
  const system = model as unknown as IndicatorSystem;
  const set = (id: string, value: AnswerValue | null) => {
    const next = { ...answers };
    if (value === null) delete next[id];
    else next[id] = value;
    onChange(next);
  };
  const typed = Object.keys(answers).length;
  return (
    <Card
      size="small"
      title={t('providers.grading.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('providers.grading.answered', { count: typed })}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
      data-testid="grading-answers"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('providers.grading.intro')}
      </Typography.Paragraph>
      {sections.map((section) => (
        <div key={section.id} style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ marginTop: 4 }}>
            {tx(section.name)}
          </Typography.Title>
          {sectionGroups(system, section).map((group, g) => (
            <div key={g}>
              {group.heading && (
                <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>
                  {tx(group.heading)}
                </Typography.Text>
              )}
              {group.items.map((item) => {
                const isComputed = computed.includes(item.id);
                // a question named as its indicator is not titled twice
                const repeated = group.heading !== null && tx(group.heading) === tx(item.title);
                return (
                  <div
                    key={item.id}
                    data-grading-item={item.id}
                    style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
                  >
                    <Flex gap={8} align="center" wrap>
                      {!repeated && <Typography.Text>{tx(item.title)}</Typography.Text>}
                      {isComputed && <Tag color="green">{t('providers.grading.computed')}</Tag>}
                    </Flex>
                    {item.prompt && (
                      <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px', fontSize: 13 }}>
                        {tx(item.prompt)}
                      </Typography.Paragraph>
                    )}
                    {isComputed ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('providers.grading.computedHint')}
                      </Typography.Text>
                    ) : (
                      <ItemInput
                        item={item.def}
                        value={answers[item.id] ?? null}
                        disabled={disabled}
                        onChange={(value) => set(item.id, value)}
                        label={tx(item.title)}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      ))}
    </Card>
  );
}
