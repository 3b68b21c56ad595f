/** The upload refusals, shared with the other features' uploads: src/server/upload-limits.ts. */
export * from '../../server/upload-limits.ts';
