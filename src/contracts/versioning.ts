import { z } from 'zod';

/**
 * Optimistic concurrency (lost updates): every editable record carries a `version`, returned by every read. A save
 * sends the version it edited as a `version` field in its JSON body. The server stores the change only when nothing
 * it touches changed since that version; otherwise it answers 409 `stale_version` with StaleVersionDetails, and the
 * client offers to reload (theirs) or merge (theirs where I did not edit, mine where I did). A save of a whole record
 * without a version answers 400 `version_required`.
 */

export const STALE_VERSION = 'stale_version';
export const VERSION_REQUIRED = 'version_required';

/** The version a client loaded and edited: 1 for a record never changed since it was created. */
export const RecordVersion = z.number().int().min(1);

/** The `version` body field of a save; optional in the schema so that its absence answers 400 version_required. */
export const VersionField = z.object({ version: RecordVersion.optional() });

/** `error.details` of a 409 stale_version. */
export const StaleVersionDetails = z.object({
  /** the record's version now: send it with the merged change */
  currentVersion: z.number().int(),
  /**
   * what changed since the version sent: field names (`title`, `settings`, `name`), or the parts of a record by id
   * (`initiatives.<id>`, `risks.<id>`, `document.<lang>.<section>`, an assessment item id)
   */
  changed: z.array(z.string()),
  /** the record as it is now (the shape of the route's own answer) */
  current: z.unknown(),
});
export type StaleVersionDetails = z.infer<typeof StaleVersionDetails>;
