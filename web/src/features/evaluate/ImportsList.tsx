import { Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeleteImport, useLedgerImports } from './api.ts';
import { EvaluateErrorAlert } from './EvaluateErrorAlert.tsx';

/** The ledgers imported, each deletable (its rows go with it). */
export function ImportsList() {
  const { t } = useTranslation();
  const imports = useLedgerImports();
  const remove = useDeleteImport();
  return (
    <div data-testid="imports-list" style={{ marginTop: 32 }}>
      <Typography.Title level={4}>{t('evaluate.imports.title')}</Typography.Title>
      <EvaluateErrorAlert error={imports.error ?? remove.error} />
      <Table
        size="small"
        rowKey="id"
        loading={imports.isLoading}
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={imports.data?.imports ?? []}
        locale={{ emptyText: t('evaluate.imports.empty') }}
        columns={[
          {
            title: t('evaluate.imports.file'),
            dataIndex: 'fileName',
            render: (name: string) => <span data-user-text>{name}</span>,
          },
          {
            title: t('evaluate.wizard.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`evaluate.kinds.${k}`),
          },
          { title: t('evaluate.imports.rows'), dataIndex: 'rows', align: 'right' },
          {
            title: t('evaluate.imports.dates'),
            key: 'dates',
            render: (_, i) => (i.from ? `${i.from} – ${i.to ?? ''}` : '—'),
          },
          {
            title: t('evaluate.imports.status'),
            dataIndex: 'status',
            render: (s: 'complete' | 'partial', i) =>
              s === 'partial' ? (
                <Tag color="orange">{t('evaluate.imports.partial', { count: i.problems.length })}</Tag>
              ) : (
                <Tag color="green">{t('evaluate.imports.complete')}</Tag>
              ),
          },
          // at tablet width the delete button stays in view: who imported is shown from 992 px up
          { title: t('evaluate.imports.by'), dataIndex: 'importedBy', responsive: ['lg'] },
          {
            title: '',
            key: 'delete',
            render: (_, i) => (
              <Popconfirm
                title={t('evaluate.imports.confirm', { file: i.fileName })}
                onConfirm={() => remove.mutate(i.id)}
                okText={t('evaluate.imports.delete')}
                cancelText={t('evaluate.wizard.close')}
              >
                <Button danger size="small" loading={remove.isPending && remove.variables === i.id}>
                  {t('evaluate.imports.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}
