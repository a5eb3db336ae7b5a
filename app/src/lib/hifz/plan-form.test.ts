import { describe, expect, it } from 'vitest';
import { hifzPlanBody } from '../../../../worker/contract/hifz';
import type { HifzPlan } from '$contract/hifz';
import {
  DEFAULT_START,
  MANZIL_MAX,
  PLAN_LIMITS,
  planBody,
  planDraftOf,
  withDirection,
  type PlanDraft,
} from './plan-form';

const draft = (over: Partial<PlanDraft> = {}): PlanDraft => ({ ...planDraftOf(null), ...over });
const serverAccepts = (data: unknown) => hifzPlanBody.safeParse({ data }).success;

const plan: HifzPlan = {
  documentId: 'p1',
  student: { documentId: 's1', username: 'bilal', fullName: 'Bilal' },
  teacher: { documentId: 't1', username: 'teacher.amina', fullName: 'Amina' },
  direction: 'forward',
  start: { from: 8, to: 8, label: '2:1' },
  newAmount: 3,
  newUnit: 'half_pages',
  sabqiDays: 10,
  manzilAmount: 2,
  manzilUnit: 'hizb',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('the hifz plan form', () => {
  it('starts a new plan as most children start: from An-Nas, 5 lines, sabqi 7 days, one juz of manzil', () => {
    expect(planBody(planDraftOf(null))).toEqual({
      ok: true,
      data: {
        direction: 'reverse',
        start: '114:1',
        newAmount: 5,
        newUnit: 'lines',
        sabqiDays: 7,
        manzilAmount: 1,
        manzilUnit: 'juz',
      },
    });
  });

  it('shows the current plan, and sends it back unchanged', () => {
    const result = planBody(planDraftOf(plan));
    expect(result).toEqual({
      ok: true,
      data: {
        direction: 'forward',
        start: '2:1',
        newAmount: 3,
        newUnit: 'half_pages',
        sabqiDays: 10,
        manzilAmount: 2,
        manzilUnit: 'hizb',
      },
    });
    expect(result.ok && serverAccepts(result.data)).toBe(true);
  });

  it('an admin names the teacher (none is null); a teacher never sends one', () => {
    expect(planDraftOf(plan, { chooseTeacher: true }).teacher).toBe('t1');
    const none = planBody({ ...planDraftOf(null, { chooseTeacher: true }) });
    expect(none.ok && none.data.teacher).toBeNull();
    const teacher = planBody(planDraftOf(plan));
    expect(teacher.ok && 'teacher' in teacher.data).toBe(false);
  });

  it('reads numbers typed with Arabic digits and trims the start', () => {
    const result = planBody(draft({ newAmount: '١٢', sabqiDays: '۷', start: '  An-Nas ' }));
    expect(result.ok && result.data).toMatchObject({ newAmount: 12, sabqiDays: 7, start: 'An-Nas' });
  });

  it('names each field that is empty, not a whole number, or out of range', () => {
    const result = planBody(draft({ start: ' ', newAmount: '', sabqiDays: '2.5', manzilAmount: '0' }));
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'start', kind: 'required' },
        { field: 'newAmount', kind: 'required' },
        { field: 'sabqiDays', kind: 'range', min: 0, max: 60 },
        { field: 'manzilAmount', kind: 'range', min: 1, max: 30 },
      ],
    });
    expect(planBody(draft({ start: 'x'.repeat(81) }))).toMatchObject({
      ok: false,
      problems: [{ field: 'start', kind: 'tooLong', max: 80 }],
    });
  });

  it('a day’s manzil is at most the whole mushaf in its unit', () => {
    expect(planBody(draft({ manzilUnit: 'juz', manzilAmount: '31' })).ok).toBe(false);
    expect(planBody(draft({ manzilUnit: 'juz', manzilAmount: '30' })).ok).toBe(true);
    expect(planBody(draft({ manzilUnit: 'pages', manzilAmount: '604' })).ok).toBe(true);
    expect(planBody(draft({ manzilUnit: 'hizb', manzilAmount: '61' })).ok).toBe(false);
  });

  it('turning the direction moves the usual start, but keeps one the teacher typed', () => {
    expect(withDirection(draft(), 'forward')).toMatchObject({ direction: 'forward', start: DEFAULT_START.forward });
    expect(withDirection(draft({ start: '78:1' }), 'forward')).toMatchObject({ direction: 'forward', start: '78:1' });
    expect(withDirection(withDirection(draft(), 'forward'), 'reverse').start).toBe('114:1');
  });

  it('checks exactly what the contract checks: each bound accepted, one past it refused, on both sides', () => {
    const numbers = [
      ['newAmount', PLAN_LIMITS.newAmount],
      ['sabqiDays', PLAN_LIMITS.sabqiDays],
      ['manzilAmount', { ...PLAN_LIMITS.manzilAmount, unit: 'pages' as const }],
    ] as const;
    for (const [field, limits] of numbers) {
      const unit = 'unit' in limits ? { manzilUnit: limits.unit } : {};
      for (const [value, ok] of [
        [limits.min, true],
        [limits.max, true],
        [limits.min - 1, false],
        [limits.max + 1, false],
      ] as const) {
        const typed: Partial<PlanDraft> = { ...unit };
        typed[field] = String(value);
        const form = planBody(draft(typed));
        expect(form.ok, `${field} ${value} on the device`).toBe(ok);
        const body = planBody(draft(unit));
        const sent = body.ok ? { ...body.data, [field]: value } : null;
        expect(serverAccepts(sent), `${field} ${value} by the contract`).toBe(ok);
      }
    }
    expect(MANZIL_MAX.pages).toBe(PLAN_LIMITS.manzilAmount.max);
    const base = planBody(draft());
    const start = (text: string) => (base.ok ? { ...base.data, start: text } : null);
    expect(serverAccepts(start('x'.repeat(PLAN_LIMITS.startLength)))).toBe(true);
    expect(serverAccepts(start('x'.repeat(PLAN_LIMITS.startLength + 1)))).toBe(false);
  });
});
