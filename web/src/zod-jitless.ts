import { config } from 'zod';

/**
 * Zod (the shared request/response schemas in src/contracts) probes at schema creation whether it may compile fast
 * parsers with `new Function`; the Content-Security-Policy forbids eval (no 'unsafe-eval'), so the probe is
 * refused and reported as a violation on every page. Jitless mode skips the probe and parses without eval.
 * Imported first by main.tsx, before any module that defines a schema.
 */
config({ jitless: true });
