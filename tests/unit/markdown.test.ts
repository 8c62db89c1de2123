import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '@/server/domain/markdown';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('**Done**: samples passed.\n\n- one\n- two');
    expect(html).toContain('<strong>Done</strong>');
    expect(html).toContain('<li>one</li>');
  });

  it('escapes raw HTML, scripts and event handlers', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)><b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|<img|<b /i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript:, data: and vbscript: links', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
    ]) {
      const html = renderMarkdown(`[click](${url})`);
      expect(html, url).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    }
  });

  it('does not render images at all', () => {
    expect(renderMarkdown('![x](https://example.org/a.png)')).not.toContain('<img');
  });

  it('opens links safely in a new tab', () => {
    const html = renderMarkdown('[report](https://example.org/r) and https://example.org/auto');
    expect(html).toContain('href="https://example.org/r"');
    expect(html).toMatch(/rel="noopener noreferrer nofollow"/);
    expect(html.match(/target="_blank"/g)?.length).toBe(2);
  });

  it('gives plain text for feeds', () => {
    expect(markdownToText('**Yield** at 62 % <b>')).toBe('Yield at 62 % <b>');
  });
});
