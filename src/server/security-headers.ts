import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /** served over HTTPS (TUPU_SECURE_COOKIES): add Strict-Transport-Security and upgrade-insecure-requests */
  https: boolean;
}

/**
 * The Content-Security-Policy of every answer: the web app, its assets, the API and its reference at /api/docs
 * (swagger-ui 5 loads its scripts and styles from /api/docs/static, with no inline script, so it works under
 * the same policy). Scripts only from this origin — no inline script, no `eval`, no `on…=` attributes — so a
 * name saved as `<img src=x onerror=…>` that slips past escaping still cannot run. Nothing may frame the app.
 */
export function contentSecurityPolicy({ https }: SecurityHeaderOptions): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Styles only, never scripts: Ant Design writes its CSS-in-JS into <style> elements at run time, and ECharts
    // and React set style="" attributes; neither can carry a nonce. Inline CSS cannot run script.
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: for the icons Ant Design and swagger-ui inline in their CSS, blob: for chart images saved from ECharts
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // only over HTTPS: on a plain-HTTP intranet address the browser would otherwise ask for https:// and fail
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Security headers on every answer through @fastify/helmet: the CSP above, `X-Frame-Options: DENY` (for browsers
 * that ignore frame-ancestors), `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin` (links to other
 * sites carry no path, which may hold an assessment or plan id), and Strict-Transport-Security over HTTPS only.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: SecurityHeaderOptions,
): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
    frameguard: { action: 'deny' },
    noSniff: true,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
}
