import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../../../src/contracts/audit.ts';
import { api } from '../../api/client.ts';

export type { AuditEventView, AuditPage } from '../../../../src/contracts/audit.ts';

/** What the audit log page filters by; empty fields are left out of the query. */
export interface AuditFilters {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  text?: string | undefined;
}

function auditPath(filters: AuditFilters, cursor: string | null): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (typeof value === 'string' && value.trim() !== '') query.set(key, value.trim());
  if (cursor) query.set('cursor', cursor);
  query.set('limit', '50');
  return `/api/audit?${query.toString()}`;
}

/** The session organisation's audit trail, newest first, page after page (administrators only). */
export const useAuditLog = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => api<AuditPage>(auditPath(filters, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
