import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './escape-html.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('escapeHtml', () => {
  it('turns every character that could open a tag, an attribute or an entity into an entity', () => {
    expect(escapeHtml(`${HOSTILE}"'&\``)).toBe('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&#96;');
    expect(escapeHtml('" onmouseover="alert(1)')).not.toContain('"');
  });

  it('keeps plain text, Chinese and numbers as they are, and prints nothing for null or undefined', () => {
    expect(escapeHtml('智能排产 PRD-03 · 2025 Q1')).toBe('智能排产 PRD-03 · 2025 Q1');
    expect(escapeHtml(12.5)).toBe('12.5');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
  });

  it('escapes an already escaped text again, so an entity typed by a user shows as typed', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('html', () => {
  it('keeps the markup written in the code and escapes every value put into it', () => {
    expect(html`<b>${HOSTILE}</b><br />${3} – ${null}`).toBe(
      '<b>&lt;img src=x onerror=alert(1)&gt;</b><br />3 – ',
    );
  });

  it('leaves no live tag whatever the values are', () => {
    const out = html`<span title="${'"><script>alert(1)</script>'}">${HOSTILE}</span>`;
    expect(out).not.toMatch(/<(img|script)/i);
    expect(out.match(/</g)).toHaveLength(2); // only <span …> and </span>
  });
});
