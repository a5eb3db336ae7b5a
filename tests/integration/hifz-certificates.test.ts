import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, baseUrl, tokenFor } from '../support/api';
import { readDrawnLines } from '../support/pdf-text-layer';
import { createAccount, withDatabase, type Account } from '../support/stats-fixtures';

/**
 * A child with a parent, heard by teacher.amina, whose plan starts at An-Naba going down from An-Nas: the
 * surahs after An-Naba count as memorised already, so reciting An-Naba completes Juz 'Amma.
 */
async function childBeforeAnNaba(fullName = 'Zaynab Idris'): Promise<{ parent: Account; child: Account }> {
  const parent = await createAccount({ role: 'parent' });
  const child = await createAccount({ role: 'student', parent: parent.documentId, fullName });
  const set = await api(`/api/hifz/plans/${child.documentId}`, {
    method: 'PUT',
    token: await tokenFor('teacher.amina'),
    body: {
      data: {
        direction: 'reverse',
        start: '78:1',
        newAmount: 5,
        newUnit: 'ayahs',
        sabqiDays: 7,
        manzilAmount: 1,
        manzilUnit: 'juz',
      },
    },
  });
  expect(set.status).toBe(201);
  return { parent, child };
}

const sitting = (student: string, kind: string, range: string, heldOn = '2026-11-20') => ({
  data: {
    clientId: randomUUID(),
    student,
    heldOn,
    recordedAt: `${heldOn}T16:05:00+03:00`,
    checks: [{ clientId: randomUUID(), kind, range, grade: 'very_good', mistakes: [] }],
  },
});

const certificatesQuery =
  '/api/certificates?populate[course][fields][0]=title&populate[hifzMilestone][fields][0]=kind&populate[hifzMilestone][fields][1]=number';

async function certificatesOf(token: string, child?: string) {
  const filter = child ? `&filters[user][documentId][$eq]=${child}` : '';
  const answer = await api(certificatesQuery + filter, { token });
  expect(answer.status).toBe(200);
  return answer.body.data as {
    documentId: string;
    course: unknown;
    hifzMilestone: { kind: string; number: number } | null;
    pdfUrl: string;
    verificationCode: string;
    certificateNumber: string;
  }[];
}

const storedCertificates = (child: string) =>
  withDatabase(async (db) => {
    const rows = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM certificates WHERE user_id = (SELECT id FROM users WHERE document_id = ${child})`,
    );
    return rows.rows[0]!.n;
  });

const download = (pdfUrl: string, token?: string) =>
  fetch(baseUrl() + pdfUrl, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('hifz milestone certificates', () => {
  it('completing Juz ’Amma in a sitting issues one certificate, once, which the PDF and verification name', async () => {
    const { parent, child } = await childBeforeAnNaba();
    const amina = await tokenFor('teacher.amina');
    const body = sitting(child.documentId, 'sabaq', '78');
    const recorded = await api('/api/hifz/sessions', { token: amina, body });
    expect(recorded.status).toBe(201);
    expect(recorded.body.data.milestones.map((m: { label: string }) => m.label)).toEqual(['Surah An-Naba', 'Juz 30']);

    const [certificate, ...others] = await certificatesOf(child.jwt);
    expect(others).toEqual([]);
    expect(certificate).toMatchObject({
      course: null,
      hifzMilestone: { kind: 'juz', number: 30 },
      pdfUrl: `/api/certificates/${certificate!.documentId}/pdf`,
      certificateNumber: expect.stringMatching(/^AM-\d{4}-[A-Z2-9]{8}$/),
    });

    // The same upload again (the offline outbox), then another sitting over the same juz: nothing new.
    expect((await api('/api/hifz/sessions', { token: amina, body })).body.data.status).toBe('duplicate');
    const manzil = await api('/api/hifz/sessions', {
      token: amina,
      body: sitting(child.documentId, 'manzil', 'juz 30', '2026-11-21'),
    });
    expect(manzil.status).toBe(201);
    expect(manzil.body.data.milestones).toEqual([]);
    expect(await storedCertificates(child.documentId)).toBe(1);

    // The PDF says what was memorised, the range, who heard it, and how to verify it.
    const pdf = await download(certificate!.pdfUrl, parent.jwt);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const lines = (await readDrawnLines(new Uint8Array(await pdf.arrayBuffer()))).map((l) => l.actualText);
    const teacher = await withDatabase(async (db) => {
      const rows = await db.execute<{ name: string }>(
        sql`SELECT coalesce(p.full_name, u.username) AS name FROM users u LEFT JOIN user_profiles p ON p.user_id = u.id WHERE u.username = 'teacher.amina'`,
      );
      return rows.rows[0]!.name;
    });
    expect(lines).toEqual([
      'AttaqwaMasjid School',
      'Certificate of Memorisation',
      'This is to certify that',
      'Zaynab Idris',
      'has memorised',
      "Juz 30 (Juz 'Amma)",
      'An-Naba 1 – An-Nas 6',
      teacher,
      'Teacher',
      expect.stringMatching(/^\d{1,2} [A-Z][a-z]+ \d{4}$/),
      'Date of issue',
      certificate!.certificateNumber,
      'Certificate No.',
      expect.stringMatching(new RegExp(`^Verify at https?://\\S+/verify/${certificate!.verificationCode}$`)),
    ]);

    // Verification names the milestone, as it names a course: no account, no day reached, no teacher.
    const verified = await api(`/api/certificates/verify/${certificate!.verificationCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body.data).toEqual({
      valid: true,
      name: 'Zaynab Idris',
      milestone: { kind: 'juz', number: 30, label: "Juz 30 (Juz 'Amma)" },
      issuedAt: expect.any(String),
      certificateNumber: certificate!.certificateNumber,
    });
  });

  it('a single surah earns no certificate', async () => {
    const parent = await createAccount({ role: 'parent' });
    const child = await createAccount({ role: 'student', parent: parent.documentId });
    const amina = await tokenFor('teacher.amina');
    await api(`/api/hifz/plans/${child.documentId}`, {
      method: 'PUT',
      token: amina,
      body: {
        data: {
          direction: 'reverse',
          start: 'An-Nas',
          newAmount: 6,
          newUnit: 'ayahs',
          sabqiDays: 7,
          manzilAmount: 1,
          manzilUnit: 'juz',
        },
      },
    });
    const recorded = await api('/api/hifz/sessions', { token: amina, body: sitting(child.documentId, 'sabaq', '114') });
    expect(recorded.body.data.milestones).toEqual([expect.objectContaining({ kind: 'surah', number: 114 })]);
    expect(await certificatesOf(child.jwt)).toEqual([]);
    expect(await storedCertificates(child.documentId)).toBe(0);
  });

  it('the student, their parent and their teacher read it; another parent and another teacher do not', async () => {
    const { parent, child } = await childBeforeAnNaba();
    await api('/api/hifz/sessions', {
      token: await tokenFor('teacher.amina'),
      body: sitting(child.documentId, 'sabaq', '78'),
    });
    const [certificate] = await certificatesOf(child.jwt);
    expect(certificate?.hifzMilestone).toMatchObject({ kind: 'juz', number: 30 });

    for (const token of [parent.jwt, await tokenFor('teacher.amina'), await tokenFor('admin')]) {
      const listed = await certificatesOf(token, child.documentId);
      expect(listed.map((c) => c.documentId)).toEqual([certificate!.documentId]);
      expect(listed[0]!.hifzMilestone).toMatchObject({ kind: 'juz', number: 30 });
      expect((await api(`/api/certificates/${certificate!.documentId}`, { token })).status).toBe(200);
    }

    const stranger = await createAccount({ role: 'parent' });
    for (const token of [stranger.jwt, await tokenFor('teacher.yusuf')]) {
      expect(await certificatesOf(token, child.documentId)).toEqual([]);
      expect((await api(`/api/certificates/${certificate!.documentId}`, { token })).status).toBe(404);
      expect((await download(certificate!.pdfUrl, token)).status).toBe(404);
    }
  });

  it('is printed in Arabic for a student whose language is Arabic', async () => {
    const { child } = await childBeforeAnNaba('زينب إدريس');
    await withDatabase((db) =>
      db.execute(
        sql`UPDATE user_profiles SET locale = 'ar' WHERE user_id = (SELECT id FROM users WHERE document_id = ${child.documentId})`,
      ),
    );
    await api('/api/hifz/sessions', {
      token: await tokenFor('teacher.amina'),
      body: sitting(child.documentId, 'sabaq', '78'),
    });
    const [certificate] = await certificatesOf(child.jwt);
    const pdf = await download(certificate!.pdfUrl, child.jwt);
    expect(pdf.status).toBe(200);
    const lines = await readDrawnLines(new Uint8Array(await pdf.arrayBuffer()));
    const texts = lines.map((l) => l.actualText);
    expect(texts).toEqual(
      expect.arrayContaining([
        'شهادة حفظ',
        'نشهد بإتمام',
        'زينب إدريس',
        'حفظ',
        'الجزء ٣٠ (جزء عم)',
        'النبإ ١ – الناس ٦',
      ]),
    );
    // Every glyph exists in the font: the Arabic is drawn, not boxes.
    for (const line of lines) expect(line.glyphIds).not.toContain(0);
  });
});
