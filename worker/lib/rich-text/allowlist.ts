import { RICH_TEXT_SPAN_CLASSES } from '../../contract/rich-text';

/** Returns the attribute's value as it should be written, or null to drop the attribute. */
type AttributeRule = (value: string) => string | null;

const oneOf =
  (...values: string[]): AttributeRule =>
  (value) => {
    const normalized = value.trim().toLowerCase();
    return values.includes(normalized) ? normalized : null;
  };

const integerIn =
  (min: number, max: number): AttributeRule =>
  (value) => {
    const trimmed = value.trim();
    if (!/^\d{1,7}$/.test(trimmed)) return null;
    const n = Number(trimmed);
    return n >= min && n <= max ? String(n) : null;
  };

const plainText =
  (max: number): AttributeRule =>
  (value) =>
    value.length <= max ? value : value.slice(0, max);

// BCP 47 in the shape editors write it: "ar", "en-GB", "ar-Latn".
const languageTag: AttributeRule = (value) =>
  /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/i.test(value.trim()) ? value.trim() : null;

/** Browsers ignore these characters when they read a URL's scheme, so a check must too ("java\tscript:"). */
// eslint-disable-next-line no-control-regex -- the control characters are the point
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g;
const SAFE_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'];

const linkTarget: AttributeRule = (value) => {
  const trimmed = value.trim();
  const probe = trimmed.replace(IGNORED_IN_SCHEME, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*:)/.exec(probe)?.[1];
  if (scheme !== undefined && !SAFE_SCHEMES.includes(scheme)) return null;
  // A colon before any slash, ? or # would make the browser read a scheme where we saw none.
  if (scheme === undefined && /^[^/?#]*:/.test(probe)) return null;
  return trimmed.length <= 2048 ? trimmed : null;
};

/** Images only from this site's media library: no tracking pixels or hot-linked pictures in children's lessons. */
const ownMedia: AttributeRule = (value) => {
  const trimmed = value.trim();
  return /^\/uploads\/[\w.~%-]+(?:\/[\w.~%-]+)*$/.test(trimmed) ? trimmed : null;
};

const spanClasses: AttributeRule = (value) => {
  const kept = value.split(/\s+/).filter((name) => (RICH_TEXT_SPAN_CLASSES as readonly string[]).includes(name));
  return kept.length ? [...new Set(kept)].join(' ') : null;
};

const codeLanguage: AttributeRule = (value) => {
  const kept = value.split(/\s+/).filter((name) => /^language-[a-z0-9+#-]{1,24}$/i.test(name));
  return kept.length ? kept[0]! : null;
};

// Tiptap's TextAlign writes style="text-align: right"; nothing else of CSS is kept.
const textAlign: AttributeRule = (value) => {
  const match = /^\s*text-align\s*:\s*(left|right|center|justify|start|end)\s*;?\s*$/i.exec(value);
  return match ? `text-align: ${match[1]!.toLowerCase()}` : null;
};

/** Allowed on every element kept: direction and language, for text that mixes Arabic and English. */
export const GLOBAL_ATTRIBUTES: Record<string, AttributeRule> = {
  dir: oneOf('ltr', 'rtl', 'auto'),
  lang: languageTag,
};

const aligned = { style: textAlign };

/** The elements kept, each with the attributes it may carry (in the order they are written). */
export const ELEMENTS: Record<string, Record<string, AttributeRule>> = {
  p: aligned,
  h1: aligned,
  h2: aligned,
  h3: aligned,
  h4: aligned,
  h5: aligned,
  h6: aligned,
  blockquote: {},
  ul: {},
  ol: { start: integerIn(0, 1_000_000), type: (v) => (['1', 'a', 'A', 'i', 'I'].includes(v.trim()) ? v.trim() : null) },
  li: {},
  pre: {},
  code: { class: codeLanguage },
  br: {},
  hr: {},
  strong: {},
  b: {},
  em: {},
  i: {},
  u: {},
  s: {},
  del: {},
  sub: {},
  sup: {},
  mark: {},
  span: { class: spanClasses },
  a: { href: linkTarget, title: plainText(500), target: oneOf('_blank') },
  img: {
    src: ownMedia,
    alt: plainText(500),
    title: plainText(500),
    width: integerIn(1, 4096),
    height: integerIn(1, 4096),
  },
};

/** Attributes the server sets itself, whatever was sent. */
export const FORCED_ATTRIBUTES: Record<string, Record<string, string>> = {
  a: { rel: 'noopener noreferrer nofollow' },
};

/** Elements that are nothing without this attribute: dropped when it is refused. */
export const REQUIRED_ATTRIBUTE: Record<string, string> = { img: 'src' };

export const VOID_ELEMENTS = new Set(['br', 'hr', 'img']);

/**
 * Elements removed together with everything inside them: their content is code, data or foreign markup,
 * never prose a reader should see. Any other element not kept is unwrapped to its content.
 */
export const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'textarea',
  'title',
  'head',
  'svg',
  'math',
  'select',
  'canvas',
  'audio',
  'video',
  'picture',
  'button',
]);
