import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../account/api.ts';
import {
  directoryQueryString,
  useImportProfile,
  useOwnProfile,
  usePools,
  useProviders,
  useScenarioNames,
  type ProviderDirectoryQuery,
  type ProviderSummary,
  useClassNames,
} from './api.ts';
import { INDUSTRY_CODE, problemsText, REGION_CODE, scenarioLabel, STATE_COLOURS } from './provider-ui.ts';

const KEYS = ['q', 'type', 'scenario', 'industry', 'region', 'poolId'] as const;

/** A code typed into a filter: sent once it is a valid code (or cleared), flagged red while it is not. */
function CodeFilter({
  value,
  pattern,
  placeholder,
  onChange,
}: {
  value: string | undefined;
  pattern: RegExp;
  placeholder: string;
  onChange: (value: string | undefined) => void;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const bad = text.trim() !== '' && !pattern.test(text.trim());
  return (
    <Input
      aria-label={placeholder}
      placeholder={placeholder}
      allowClear
      value={text}
      status={bad ? 'error' : undefined}
      style={{ width: 140 }}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === '') onChange(undefined);
        else if (pattern.test(next.trim())) onChange(next.trim());
      }}
    />
  );
}

/** /providers — the provider directory: filters in the URL, Excel export, and a provider's import of its own rows. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const { typeIds, typeName } = useClassNames();
  const { message } = App.useApp();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const query: ProviderDirectoryQuery = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  const set = (patch: Partial<ProviderDirectoryQuery>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const me = useMe().data;
  const isProvider = me?.organisation.orgKind === 'service_provider';
  const canWrite = me?.organisation.role === 'admin' || me?.organisation.role === 'editor';
  const providers = useProviders(query);
  const pools = usePools();
  const names = useScenarioNames();
  const own = useOwnProfile(isProvider && canWrite);
  const importProfile = useImportProfile();
  const [search, setSearch] = useState(query.q ?? '');

  const scenarioOptions = [...names.keys()].sort().map((code) => ({
    value: code,
    label: scenarioLabel(names, code, lang),
  }));

  const columns: ColumnsType<ProviderSummary> = [
    {
      title: t('providers.directory.columns.name'),
      dataIndex: 'name',
      render: (name: string, p) => <Link to={`/providers/${p.id}`}>{name}</Link>,
    },
    {
      title: t('providers.directory.columns.types'),
      dataIndex: 'types',
      render: (types: string[]) => (
        <Flex wrap gap={4}>
          {types.map((id) => (
            <Tag key={id} style={{ whiteSpace: 'normal' }}>
              {typeName(id)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('providers.directory.columns.capabilities'),
      dataIndex: 'capabilities',
      align: 'right',
      responsive: ['md'],
    },
    { title: t('providers.directory.columns.products'), dataIndex: 'products', align: 'right' },
    {
      title: t('providers.directory.columns.regions'),
      dataIndex: 'regions',
      responsive: ['lg'],
      render: (regions: string[]) =>
        regions
          .map((r) => (r === '000000' ? t('providers.profile.nationwide') : r))
          .join(t('providers.separator')) || '—',
    },
    {
      title: t('providers.directory.columns.pools'),
      dataIndex: 'pools',
      render: (pools: ProviderSummary['pools']) =>
        pools.length === 0 ? (
          '—'
        ) : (
          <Flex vertical gap={2}>
            {pools.map((s) => (
              <span key={s.poolId}>
                <Tag color={STATE_COLOURS[s.state]}>{t(`providers.states.${s.state}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.poolName}
                </Typography.Text>
              </span>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <div data-testid="provider-directory">
      <Typography.Paragraph type="secondary">{t('providers.directory.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('providers.directory.search')}
          placeholder={t('providers.directory.search')}
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (e.target.value === '') set({ q: undefined });
          }}
          onSearch={(value) => set({ q: value.trim() || undefined })}
          style={{ width: 220 }}
        />
        <Select
          aria-label={t('providers.directory.type')}
          placeholder={t('providers.directory.type')}
          allowClear
          value={query.type}
          onChange={(value?: string) => set({ type: value })}
          options={typeIds.map((id) => ({ value: id, label: typeName(id) }))}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
        />
        <Select
          aria-label={t('providers.directory.scenario')}
          placeholder={t('providers.directory.scenario')}
          allowClear
          showSearch
          optionFilterProp="label"
          value={query.scenario}
          onChange={(value?: string) => set({ scenario: value })}
          options={scenarioOptions}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
        />
        <CodeFilter
          value={query.industry}
          pattern={INDUSTRY_CODE}
          placeholder={t('providers.directory.industry')}
          onChange={(industry) => set({ industry })}
        />
        <CodeFilter
          value={query.region}
          pattern={REGION_CODE}
          placeholder={t('providers.directory.region')}
          onChange={(region) => set({ region })}
        />
        <Select
          aria-label={t('providers.directory.pool')}
          placeholder={t('providers.directory.pool')}
          allowClear
          value={query.poolId}
          onChange={(value?: string) => set({ poolId: value })}
          options={(pools.data ?? []).map((p) => ({ value: p.id, label: p.definition.name ?? p.id }))}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
        />
      </Flex>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="provider-total">
          {t('providers.directory.total', { count: providers.data?.total ?? 0 })}
        </Typography.Text>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={`/api/providers.xlsx${directoryQueryString(query)}`}
            download
            data-testid="provider-export"
          >
            {t('providers.directory.export')}
          </Button>
          {isProvider && canWrite && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                importProfile.mutate(
                  { file, version: own.data?.version ?? 0 },
                  {
                    onSuccess: (view) =>
                      void message.success(t('providers.directory.imported', { version: view.version })),
                  },
                );
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importProfile.isPending}>
                {t('providers.directory.import')}
              </Button>
            </Upload>
          )}
        </Space>
      </Flex>
      {importProfile.isError && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => importProfile.reset()}
          title={problemsText(importProfile.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      {providers.isError && (
        <Alert
          type="error"
          showIcon
          title={t('providers.directory.badFilter', { message: providers.error.message })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<ProviderSummary>
        rowKey="id"
        size="middle"
        loading={providers.isFetching}
        columns={columns}
        dataSource={providers.data?.providers ?? []}
        locale={{ emptyText: t('providers.directory.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="provider-table"
      />
    </div>
  );
}
