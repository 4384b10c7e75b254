import { isHttpsUrl } from '@kindred/domain';

/**
 * A small, safe Markdown subset for WHAMinar descriptions, rendered on the server so every client
 * shows the same thing and none needs an HTML sanitiser:
 *
 * - paragraphs (blank-line separated; single line breaks kept as <br>),
 * - headings `#`, `##`, `###` (rendered as h3..h5, under the page's own headings),
 * - bulleted (`-`, `*`, `+`) and numbered (`1.`) lists, one level,
 * - **strong**, *emphasis* / _emphasis_, `code`,
 * - links `[text](https://…)`, https only; anything else keeps its text and loses the link.
 *
 * Everything is HTML-escaped before any markup is added, so raw HTML in the source (a `<script>`,
 * an `onerror=`) is shown as text, never interpreted. Links open in a new tab without referrer.
 */
export function renderMarkdown(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const html: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length) html.push(`<p>${paragraph.map(inline).join('<br>')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) html.push(`<${list.tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };

  for (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = /^(#{1,3})\s+(.+)$/.exec(line.trim());
    if (heading) {
      flushParagraph();
      flushList();
      const level = heading[1]!.length + 2;
      html.push(`<h${level}>${inline(heading[2]!.replace(/\s+#+$/, ''))}</h${level}>`);
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d{1,9}[.)]\s+(.*)$/.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      flushParagraph();
      const tag = bullet ? 'ul' : 'ol';
      if (list && list.tag !== tag) flushList();
      if (!list) list = { tag, items: [] };
      list.items.push(item[1]!);
      continue;
    }
    if (list && /^\s{2,}\S/.test(raw)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return html.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Inline markup on one line of source: code spans and links first (their insides stay literal), then emphasis. */
function inline(source: string): string {
  const kept: string[] = [];
  const keep = (html: string) => `\uE000${kept.push(html) - 1}\uE001`;
  // The two private-use characters that mark kept pieces are removed from the source first, so a
  // description cannot forge a placeholder.
  let text = source.replace(/[\uE000\uE001]/g, '');
  text = text.replace(/`([^`]+)`/g, (_m, code: string) => keep(`<code>${escapeHtml(code)}</code>`));
  text = text.replace(/\[([^\]]+)\]\(\s*([^)\s]+)\s*\)/g, (_m, label: string, url: string) => {
    const shown = emphasis(escapeHtml(label));
    if (!isHttpsUrl(url)) return keep(shown);
    return keep(`<a href="${escapeHtml(url)}" rel="nofollow noopener noreferrer" target="_blank">${shown}</a>`);
  });
  text = emphasis(escapeHtml(text));
  return text.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => kept[Number(i)] ?? '');
}

/** Strong and emphasis on already escaped text. */
function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)([^_]*?\S)__/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, '$1<em>$2</em>');
}

/** The description as plain text (calendar files, emails): Markdown link syntax reduced to "text (url)". */
export function markdownToText(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .replace(/\[([^\]]+)\]\(\s*([^)\s]+)\s*\)/g, (_m, label: string, url: string) => (isHttpsUrl(url) ? `${label} (${url})` : label))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .trim();
}
