// The security headers of the PWA's pages, written into the build as `_headers`: Cloudflare serves static
// assets before the worker runs and applies that file to them (wrangler dev does the same locally).
// `npm run build:app` and every start/test/bench build run it; `tsx scripts/page-headers.ts` rewrites it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './paths';

export const APP_BUILD_DIR = join(projectRoot, 'app', 'build');

/** Inline `<script>` and `<style>` elements of a page, as CSP hashes ('sha256-…' of their exact text). */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const bodies = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!);
  return {
    scripts: bodies(/<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi).map(hash),
    styles: bodies(/<style[^>]*>([\s\S]*?)<\/style>/gi).map(hash),
  };
}

/**
 * Only the app's own origin, and the inline code the build itself wrote (SvelteKit's start-up script,
 * app.html's): an injected script has neither. Inline style attributes are allowed (Svelte templates
 * and app.html write some; they cannot run script), inline style elements only when hashed. Media
 * may be blob: URLs (recorded recitations, offline copies); nothing may frame the app.
 */
export function contentSecurityPolicy(hashes: { scripts: string[]; styles: string[] }): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...hashes.scripts]],
    ['style-src', ["'self'", ...hashes.styles]],
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['media-src', ["'self'", 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`).join('; ');
}

/** The headers every page and static file of the app carries. */
export function pageHeaders(hashes: { scripts: string[]; styles: string[] }): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(hashes),
    'X-Content-Type-Options': 'nosniff',
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': 'DENY',
    // Most learners are children: where they were in the app is nobody else's business.
    'Referrer-Policy': 'same-origin',
    // The microphone is for hifz recitations, on our own pages only; nothing else is ever needed.
    'Permissions-Policy':
      'microphone=(self), camera=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** `_headers` for a build: one rule for every path, with the hashes of every page's inline code. */
export function headersFile(pages: string[]): string {
  const hashes = { scripts: [] as string[], styles: [] as string[] };
  for (const html of pages) {
    const found = inlineHashes(html);
    hashes.scripts.push(...found.scripts);
    hashes.styles.push(...found.styles);
  }
  const lines = Object.entries(pageHeaders(hashes)).map(([name, value]) => `  ${name}: ${value}`);
  return ['# Written by scripts/page-headers.ts after each build of the PWA; do not edit.', '/*', ...lines, ''].join(
    '\n',
  );
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** Writes `_headers` into the build from its HTML files (only when it changes); returns its text. */
export function writePageHeaders(buildDir = APP_BUILD_DIR): string {
  const text = headersFile(htmlFiles(buildDir).map((file) => readFileSync(file, 'utf8')));
  const target = join(buildDir, '_headers');
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // first build
  }
  if (current !== text) writeFileSync(target, text);
  return text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writePageHeaders();
  console.log(`security headers written to ${join(APP_BUILD_DIR, '_headers')}`);
}
