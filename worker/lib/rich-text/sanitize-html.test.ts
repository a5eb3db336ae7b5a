import { describe, expect, it } from 'vitest';
import { sanitizeRichText as clean } from './sanitize-html';

describe('rich text kept as the editor writes it', () => {
  it('keeps paragraphs, headings, lists, marks, blockquotes and code', () => {
    const html =
      '<h2>Wudu</h2><p>Begin with <strong>bismillah</strong>, then <em>wash</em> the <u>hands</u> and <s>feet</s>.</p>' +
      '<ul><li><p>one</p></li><li><p>two</p></li></ul><ol start="3" type="a"><li>three</li></ol>' +
      '<blockquote><p>quoted</p></blockquote><pre><code class="language-js">let a = 1 &lt; 2;</code></pre>' +
      '<p>x<sub>2</sub> y<sup>3</sup> <mark>note</mark><br>line<code>inline</code></p><hr>';
    expect(clean(html)).toBe(html);
  });

  it('keeps direction and language for mixed Arabic and English, and the verse classes', () => {
    const html =
      '<p dir="rtl" lang="ar" style="text-align: right"><span class="quran-verse" lang="ar" dir="rtl">بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ</span></p>' +
      '<p dir="ltr" lang="en">In the name of Allah <span class="dua">رَبِّ زِدْنِي عِلْمًا</span></p>';
    expect(clean(html)).toBe(
      '<p style="text-align: right" dir="rtl" lang="ar"><span class="quran-verse" dir="rtl" lang="ar">بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ</span></p>' +
        '<p dir="ltr" lang="en">In the name of Allah <span class="dua">رَبِّ زِدْنِي عِلْمًا</span></p>',
    );
  });

  it('gives every link rel=noopener and keeps only a blank target', () => {
    expect(clean('<a href="https://sunnah.com/bukhari:1" target="_blank">Bukhari 1</a>')).toBe(
      '<a href="https://sunnah.com/bukhari:1" target="_blank" rel="noopener noreferrer nofollow">Bukhari 1</a>',
    );
    expect(clean('<a href="/courses/abc" target="_top" rel="opener">here</a>')).toBe(
      '<a href="/courses/abc" rel="noopener noreferrer nofollow">here</a>',
    );
    expect(clean('<a href="mailto:office@attaqwa.test">mail</a>')).toContain('href="mailto:office@attaqwa.test"');
  });

  it('keeps images of the media library only', () => {
    expect(clean('<img src="/uploads/makkah_abc.jpg" alt="The Kaaba" width="640">')).toBe(
      '<img src="/uploads/makkah_abc.jpg" alt="The Kaaba" width="640">',
    );
    expect(clean('<p><img src="https://tracker.example/p.gif">x</p>')).toBe('<p>x</p>');
  });

  it('cleaning clean text changes nothing, and plain text stays plain', () => {
    const once = clean('<p dir=rtl class=x onclick=alert(1)>a &amp; b < c<a href=/x>y</p>');
    expect(clean(once)).toBe(once);
    expect(clean('Listen, then repeat each verse after the reciter.')).toBe(
      'Listen, then repeat each verse after the reciter.',
    );
  });

  it('drops unknown span classes and any other CSS', () => {
    expect(clean('<span class="dua evil" style="color:red">x</span>')).toBe('<span class="dua">x</span>');
    expect(clean('<p style="background:url(javascript:alert(1))">x</p>')).toBe('<p>x</p>');
  });
});

describe('rich text refuses script', () => {
  const payloads: [string, string][] = [
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<img src=x onerror=alert(1)>', ''],
    ['<img src="/uploads/a.png" onerror="alert(1)">', '<img src="/uploads/a.png">'],
    ['<svg><script>alert(1)</script><circle onload=alert(1)></circle></svg>after', 'after'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', ''],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="  JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    [
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      '<a rel="noopener noreferrer nofollow">x</a>',
    ],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<iframe src="https://evil.example"></iframe>text', 'text'],
    ['<object data="x.swf"><embed src="x.swf"></object>text', 'text'],
    ['<style>body{display:none}</style><p>x</p>', '<p>x</p>'],
    ['<p onmouseover="alert(1)" id="x" class="y">x</p>', '<p>x</p>'],
    ['<div><form action="https://evil.example"><input name="q"><button>Go</button></form>kept</div>', 'kept'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', ''],
    // Raw text, as browsers read it: the <img> after </xmp> is a real (refused) element.
    ['<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>', '"&gt;'],
    ['<textarea><img src=x onerror=alert(1)></textarea>', ''],
    ['<title><img src=x onerror=alert(1)></title>', ''],
    ['<!--<img src=x onerror=alert(1)>-->x', 'x'],
    ['<![CDATA[<img src=x onerror=alert(1)>]]>x', 'x'],
    ['<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
    [
      '<a href="https://ok.example" style="position:fixed">x</a>',
      '<a href="https://ok.example" rel="noopener noreferrer nofollow">x</a>',
    ],
    ['<span class="quran-verse" data-x="1" onclick="x()">x</span>', '<span class="quran-verse">x</span>'],
    ['<p dir="rtl onclick=alert(1)">x</p>', '<p>x</p>'],
    ['<p lang="ar&quot; onclick=&quot;alert(1)">x</p>', '<p>x</p>'],
    [
      '<a href="https://x.example/&quot;onmouseover=&quot;alert(1)">x</a>',
      '<a href="https://x.example/&quot;onmouseover=&quot;alert(1)" rel="noopener noreferrer nofollow">x</a>',
    ],
    [
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><link rel=stylesheet href=x>',
      '',
    ],
    ['<table><tr><td>cell</td></tr></table>', 'cell'],
    ['<p>unclosed <strong>bold <em>both', '<p>unclosed <strong>bold <em>both</em></strong></p>'],
    ['</p></li></strong>stray', '<p></p>stray'],
    ['a\u0000b', 'ab'],
  ];

  it.each(payloads)('%s', (input, expected) => {
    const output = clean(input);
    expect(output).toBe(expected);
    expect(output).not.toMatch(/<script|<iframe|<svg|<math|<object|<embed|<style|\son\w+=|javascript:|data:text/i);
  });
});
