import { describe, expect, it } from 'vitest';
import { auditDiff } from './audit-diff.ts';

describe('auditDiff', () => {
  it('puts the fields of before and after side by side, marking those that changed', () => {
    expect(auditDiff({ role: 'editor', email: 'a@b.cn' }, { role: 'admin', email: 'a@b.cn' })).toEqual([
      { field: 'role', before: 'editor', after: 'admin', changed: true },
      { field: 'email', before: 'a@b.cn', after: 'a@b.cn', changed: false },
    ]);
  });

  it('shows a field only one side has, and values that are not text as JSON', () => {
    expect(auditDiff({ 产品设计: null }, { 产品设计: 2, 网络建设: ['B', 'C'] })).toEqual([
      { field: '产品设计', before: 'null', after: '2', changed: true },
      { field: '网络建设', before: '', after: '["B","C"]', changed: true },
    ]);
    expect(auditDiff(null, { title: '新规划' })).toEqual([
      { field: 'title', before: '', after: '新规划', changed: true },
    ]);
  });

  it('has no rows when nothing was recorded, and one unnamed row for a snapshot that is a plain value', () => {
    expect(auditDiff(null, null)).toEqual([]);
    expect(auditDiff(undefined, 3)).toEqual([{ field: '', before: '', after: '3', changed: true }]);
  });
});
