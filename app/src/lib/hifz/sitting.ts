// A teacher's sitting as it is being recorded, as plain data and functions (tested in sitting.test.ts):
// the three checks, each with its range, grade and the mistakes tapped on its words.
import type { HifzCheckKindName, HifzGradeName, HifzMistakeTypeName, HifzSessionInput } from '$contract/hifz';
import type { QuranText } from './quran';

export interface MistakeDraft {
  clientId: string;
  ayahId: number;
  /** null: the whole ayah. */
  word: number | null;
  type: HifzMistakeTypeName;
}

export interface CheckDraft {
  kind: HifzCheckKindName;
  clientId: string;
  from: number;
  to: number;
  grade: HifzGradeName | null;
  mistakes: MistakeDraft[];
}

export const markKey = (m: { ayahId: number; word: number | null }) =>
  m.word === null ? `${m.ayahId}` : `${m.ayahId}:${m.word}`;

/** One tap on a word: marks it with `type`; a tap on a word already marked with that type takes the mark off. */
export function tapWord(check: CheckDraft, ayahId: number, word: number, type: HifzMistakeTypeName): CheckDraft {
  const existing = check.mistakes.find((m) => m.ayahId === ayahId && m.word === word);
  const others = check.mistakes.filter((m) => m !== existing);
  if (existing?.type === type) return { ...check, mistakes: others };
  const mistake = { clientId: existing?.clientId ?? crypto.randomUUID(), ayahId, word, type };
  return {
    ...check,
    mistakes: [...others, mistake].sort((a, b) => a.ayahId - b.ayahId || (a.word ?? 0) - (b.word ?? 0)),
  };
}

/** A new range keeps only the mistakes that are still inside it. */
export function setRange(check: CheckDraft, from: number, to: number): CheckDraft {
  return { ...check, from, to, mistakes: check.mistakes.filter((m) => m.ayahId >= from && m.ayahId <= to) };
}

/**
 * What a teacher types for a range, read the same way as the worker's parser for the numeric forms:
 * "2:255", "2:255-257", "78:1-80:42", "78" (a surah). Arabic digits too. Null when it is not one of these
 * or does not exist (names and juz are left to the worker; the form shows its message).
 */
export function parseRange(quran: QuranText, text: string): { from: number; to: number } | null {
  const ascii = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '');
  const m = /^(\d+)(?::(\d+))?(?:-(\d+)(?::(\d+))?)?$/.exec(ascii);
  if (!m) return null;
  const [s1, a1, x, a2] = [m[1], m[2], m[3], m[4]].map((v) => (v === undefined ? undefined : Number(v)));
  const id = (surah: number, ayah: number) => {
    const s = quran.surah(surah);
    return s && ayah >= 1 && ayah <= s.ayahCount ? s.firstAyahId + ayah - 1 : null;
  };
  let from: number | null;
  let to: number | null;
  if (a1 === undefined) {
    const last = quran.surah(x ?? s1!);
    from = id(s1!, 1);
    to = last ? id(last.number, a2 ?? last.ayahCount) : null;
  } else {
    from = id(s1!, a1);
    to = x === undefined ? from : a2 === undefined ? id(s1!, x) : id(x, a2);
  }
  return from !== null && to !== null && from <= to ? { from, to } : null;
}

/** "2:255-257", "78:1-80:42": how a range is written back into the form. */
export function formatRange(quran: QuranText, from: number, to: number): string {
  const a = quran.locate(from);
  const b = quran.locate(to);
  if (from === to) return `${a.surah}:${a.ayah}`;
  return a.surah === b.surah ? `${a.surah}:${a.ayah}-${b.ayah}` : `${a.surah}:${a.ayah}-${b.surah}:${b.ayah}`;
}

/** The sitting as the API takes it; checks without a grade were not heard today and are left out. */
export function sittingInput(
  quran: QuranText,
  sitting: { clientId: string; student: string; heldOn: string; attendance: 'present' | 'absent'; online: boolean },
  checks: CheckDraft[],
  now = new Date(),
): HifzSessionInput {
  return {
    clientId: sitting.clientId,
    student: sitting.student,
    heldOn: sitting.heldOn,
    attendance: sitting.attendance,
    recordedOffline: !sitting.online,
    recordedAt: now.toISOString(),
    checks:
      sitting.attendance === 'present'
        ? checks
            .filter((c) => c.grade !== null)
            .map((c) => ({
              clientId: c.clientId,
              kind: c.kind,
              range: formatRange(quran, c.from, c.to),
              grade: c.grade!,
              mistakes: c.mistakes.map((m) => ({
                clientId: m.clientId,
                at: m.word === null ? quran.label(m.ayahId) : `${quran.label(m.ayahId)}:${m.word}`,
                type: m.type,
              })),
            }))
        : [],
  };
}
