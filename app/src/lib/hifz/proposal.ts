// Today's proposal as the sitting's starting drafts: each check the plan proposes, its range spanning what
// was proposed (sabqi and manzil may be several runs; the teacher can narrow the range).
import type { HifzToday } from '$contract/hifz';
import type { CheckDraft } from './sitting';

export function draftsFor(today: HifzToday): CheckDraft[] {
  const draft = (kind: CheckDraft['kind'], ranges: { from: number; to: number }[]): CheckDraft[] =>
    ranges.length === 0
      ? []
      : [
          {
            kind,
            clientId: crypto.randomUUID(),
            from: Math.min(...ranges.map((r) => r.from)),
            to: Math.max(...ranges.map((r) => r.to)),
            grade: null,
            mistakes: [],
          },
        ];
  return [
    ...draft('sabaq', today.sabaq ? [today.sabaq.range] : []),
    ...draft('sabqi', today.sabqi),
    ...draft('manzil', today.manzil?.ranges ?? []),
  ];
}
