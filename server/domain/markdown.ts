import MarkdownIt from 'markdown-it';

// Progress updates are written in Markdown by members and shown to colleagues and, when public,
// to anyone. Raw HTML is never passed through (html: false escapes it), only http(s) and mailto
// links survive, images are not rendered, and every link opens safely in a new tab.

const SAFE_LINK = /^(https?:|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.disable(['image']);
md.validateLink = (url: string) => {
  const trimmed = url.trim();
  // Relative links and fragments are harmless; every scheme but http(s) and mailto is refused.
  return SAFE_LINK.test(trimmed) || !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
};

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('rel', 'noopener noreferrer nofollow');
  token.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders Markdown to HTML that is safe to insert into a page. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Plain text of a Markdown source (for feeds, previews and search snippets). */
export function markdownToText(source: string): string {
  return renderMarkdown(source)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
