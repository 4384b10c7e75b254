import { markdownToText, renderMarkdown } from './markdown.util';

describe('renderMarkdown', () => {
  it('renders paragraphs, line breaks, emphasis, code, headings and lists', () => {
    const html = renderMarkdown('# Agenda\n\nFirst **bold** and *em* and _also em_ and `x < y`.\nSecond line.\n\n- one\n- two\n\n1. first\n2. second');
    expect(html).toBe(
      [
        '<h3>Agenda</h3>',
        '<p>First <strong>bold</strong> and <em>em</em> and <em>also em</em> and <code>x &lt; y</code>.<br>Second line.</p>',
        '<ul><li>one</li><li>two</li></ul>',
        '<ol><li>first</li><li>second</li></ol>',
      ].join('\n'),
    );
  });

  it('links https only, escaped, opening safely', () => {
    expect(renderMarkdown('[Slides](https://example.org/a?b=1&c="2")')).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=&quot;2&quot;" rel="nofollow noopener noreferrer" target="_blank">Slides</a></p>',
    );
    expect(renderMarkdown('[click](javascript:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[click](http://example.org)')).toBe('<p>click</p>');
  });

  it('never lets raw HTML through', () => {
    const html = renderMarkdown('<script>alert("x")</script>\n\n<img src=x onerror=alert(1)> **<b>hi</b>**');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<strong>&lt;b&gt;hi&lt;/b&gt;</strong>');
    expect(renderMarkdown('[<script>x</script>](https://example.org/"><script>)')).not.toMatch(/<script/);
  });

  it('cannot be fooled by placeholder characters in the source', () => {
    expect(renderMarkdown('\uE0000\uE001 `code`')).toBe('<p>0 <code>code</code></p>');
  });

  it('leaves underscores inside words alone', () => {
    expect(renderMarkdown('snake_case_name')).toBe('<p>snake_case_name</p>');
  });

  it('reduces links to text for calendar files', () => {
    expect(markdownToText('See **the** [slides](https://example.org/s) and [bad](javascript:x)')).toBe('See the slides (https://example.org/s) and bad');
  });
});
