// Which child the family page shows, remembered per parent on this device (a shared family phone may
// have two parents signed in at different times), so the page opens where the parent left it.

const key = (parent: string) => `lms-family-child:${parent}`;

export function rememberedChild(parent: string): string | null {
  try {
    return localStorage.getItem(key(parent));
  } catch {
    return null; // Storage blocked: the first child is shown.
  }
}

export function rememberChild(parent: string, child: string): void {
  try {
    localStorage.setItem(key(parent), child);
  } catch {
    // Not remembered across visits; the choice still holds on this page.
  }
}

/** The remembered child when still linked, else the first one. */
export function pickChild<T extends { learner: { documentId: string } }>(
  children: readonly T[],
  remembered: string | null,
): T | null {
  return children.find((c) => c.learner.documentId === remembered) ?? children[0] ?? null;
}
