/**
 * The one escape for text the web app puts into HTML itself, outside React: ECharts tooltip formatters (their
 * string is set as innerHTML) and any other HTML string. React already escapes what it renders; ECharts' own
 * default tooltips escape too; a formatter's string does not. Canvas and SVG labels are drawn as text and need
 * no escaping (escaping them would show `&lt;` on the chart).
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text, a number or nothing as HTML element content or a quoted attribute value. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A template of trusted markup whose every `${…}` is escaped: html`<b>${name}</b><br/>${period}`. Markup can
 * only come from the literal parts written in the code, never from data.
 */
export function html(
  strings: TemplateStringsArray,
  ...values: readonly (string | number | null | undefined)[]
): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]) : ''), '');
}
