/**
 * Whether administrators of `manager` manage `target`: see its members, invite, re-role and remove them, rename
 * it — an organisation's own administrators, its parent's, and the platform's.
 */
export function manages(
  manager: { id: string; kind: string },
  target: { id: string; parentId: string | null },
): boolean {
  return manager.kind === 'platform' || target.id === manager.id || target.parentId === manager.id;
}
