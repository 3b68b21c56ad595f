import { useMe } from '../account/api.ts';

/** Whether the signed-in user may change plans (viewers read only). */
export function useCanWrite(): boolean {
  const me = useMe();
  const role = me.data?.organisation.role;
  return role === 'admin' || role === 'editor';
}
