import type { Page } from 'playwright-core';

/**
 * Collects what the browser says about the page's security policies: Content-Security-Policy
 * violations (the console message Chromium writes, and the `securitypolicyviolation` event, reported
 * through the console) and Permissions-Policy header errors. A page that works under its policies
 * produces none; call the returned function at the end of a test and expect an empty list.
 */
export function watchPolicyViolations(page: Page): () => string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|securitypolicyviolation|Permissions-Policy|Permissions policy/i.test(text))
      found.push(`${message.type()}: ${text}`);
  });
  // Runs before the page's own scripts, through the DevTools protocol (not subject to the page's CSP).
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return () => [...found];
}
