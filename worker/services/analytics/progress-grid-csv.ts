import type { ProgressGrid, ReportColumn } from '../../contract/analytics';
import { column } from './report-meta';

/**
 * The grid as a spreadsheet: a row per student, their totals, then a column per lesson with its
 * progress (blank: never opened) and, for quiz lessons, a column with the best quiz score.
 */
export function gridCsvColumns(grid: ProgressGrid): ReportColumn[] {
  return [
    column('name', 'Student', 'text'),
    column('username', 'Username', 'text'),
    column('status', 'Status', 'text'),
    column('progress', 'Course progress', 'percent'),
    column('lessonsCompleted', 'Lessons completed', 'count'),
    column('averageQuizScore', 'Average quiz score', 'percent'),
    column('timeSpent', 'Time spent', 'seconds'),
    column('lastActive', 'Last active', 'datetime'),
    column('enrolledAt', 'Enrolled', 'datetime'),
    ...grid.lessons.flatMap((lesson, j) => [
      column(`lesson${j}.progress`, `${lesson.order}. ${lesson.title}`, 'percent'),
      ...(lesson.quiz
        ? [column(`lesson${j}.quizScore`, `${lesson.order}. ${lesson.title}: quiz score`, 'percent')]
        : []),
    ]),
  ];
}

export function gridCsvRows(grid: ProgressGrid): Record<string, unknown>[] {
  return grid.students.map((student, i) => ({
    ...student,
    name: student.fullName ?? student.username,
    ...Object.fromEntries(
      grid.lessons.map((_, j) => {
        const cell = grid.cells[i]?.[j] ?? null;
        return [`lesson${j}`, cell && { progress: cell[0], quizScore: cell[2] }];
      }),
    ),
  }));
}
