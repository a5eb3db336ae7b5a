import { Parser } from 'htmlparser2';
import {
  DROPPED_WITH_CONTENT,
  ELEMENTS,
  FORCED_ATTRIBUTES,
  GLOBAL_ATTRIBUTES,
  REQUIRED_ATTRIBUTE,
  VOID_ELEMENTS,
} from './allowlist';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');

/** The attributes written for a kept element, in a fixed order, or null when the element must go. */
function keptAttributes(name: string, attributes: Record<string, string>): string | null {
  const rules = { ...ELEMENTS[name], ...GLOBAL_ATTRIBUTES };
  let out = '';
  for (const [attribute, rule] of Object.entries(rules)) {
    const raw = attributes[attribute];
    const value = raw === undefined ? null : rule(raw);
    if (value === null) {
      if (REQUIRED_ATTRIBUTE[name] === attribute) return null;
      continue;
    }
    out += ` ${attribute}="${escapeAttribute(value)}"`;
  }
  for (const [attribute, value] of Object.entries(FORCED_ATTRIBUTES[name] ?? {})) out += ` ${attribute}="${value}"`;
  return out;
}

/**
 * Cleans rich text to the allowlist of ./allowlist.ts. The input is parsed (htmlparser2: no DOM, runs in
 * Workers) and the output is written anew from what was kept: every text is escaped and every attribute
 * quoted, so nothing the input says about itself reaches the page except through the allowlist.
 * Cleaning cleaned text changes nothing.
 */
export function sanitizeRichText(html: string): string {
  let out = '';
  // What each open element became: written (its end tag is due), unwrapped, or dropped with its content.
  const open: { name: string; kind: 'kept' | 'unwrapped' | 'dropped' }[] = [];
  let droppedDepth = 0;

  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const name = rawName.toLowerCase();
        if (droppedDepth > 0 || DROPPED_WITH_CONTENT.has(name)) {
          droppedDepth += 1;
          open.push({ name, kind: 'dropped' });
          return;
        }
        const attributesOut = Object.hasOwn(ELEMENTS, name) ? keptAttributes(name, attributes) : null;
        if (attributesOut === null) {
          open.push({ name, kind: 'unwrapped' });
          return;
        }
        out += `<${name}${attributesOut}>`;
        open.push({ name, kind: VOID_ELEMENTS.has(name) ? 'unwrapped' : 'kept' });
      },
      ontext(text) {
        if (droppedDepth === 0) out += escapeText(text.replaceAll('\u0000', ''));
      },
      onclosetag(rawName) {
        const name = rawName.toLowerCase();
        const index = open.map((e) => e.name).lastIndexOf(name);
        if (index === -1) return;
        for (const element of open.splice(index).reverse()) {
          if (element.kind === 'dropped') droppedDepth -= 1;
          else if (element.kind === 'kept') out += `</${element.name}>`;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  for (const element of open.reverse()) if (element.kind === 'kept') out += `</${element.name}>`;
  return out;
}
