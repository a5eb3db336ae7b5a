// Accessibility check for every e2e page test: axe-core injected into the page, WCAG 2.0/2.1/2.2 A and AA.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe on the page as it is now; throws a readable list of violations, if any. */
export async function expectNoAxeViolations(page: Page, what = page.url()): Promise<void> {
  const injected = await page.evaluate(() => 'axe' in window);
  // Evaluated through DevTools, not as an inline <script>: the pages' Content-Security-Policy refuses those.
  if (!injected) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, TAGS);
  if (violations.length) throw new Error(`axe: ${violations.length} violation(s) on ${what}\n${describe(violations)}`);
}

function describe(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`).join('\n'),
    )
    .join('\n');
}
