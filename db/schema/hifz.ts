import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { documentId, id, timestamps, tstz } from './columns';
import { users } from './users';

// ---------------------------------------------------------------------------------------------------
// The Quran as reference data: loaded once from the packages by db/quran/load-reference.ts (run by
// `npm run db:migrate`), never written by the app. Ayahs are keyed by their global index 1..6236, so a
// range is two integers and "does this ayah exist" is a foreign key.
// ---------------------------------------------------------------------------------------------------

/** Which packages (and versions) the loaded text and structure came from; one row. */
export const quranReference = pgTable(
  'quran_reference',
  {
    id: smallint('id').primaryKey().default(1),
    /** SHA-256 of the loaded dataset: a database holding other data than the installed packages give is refused. */
    checksum: varchar('checksum', { length: 64 }).notNull(),
    textSource: text('text_source').notNull(),
    structureSource: text('structure_source').notNull(),
    loadedAt: tstz('loaded_at').notNull().defaultNow(),
  },
  (t) => [check('quran_reference_single_row', sql`${t.id} = 1`)],
);

export const quranRevelation = pgEnum('quran_revelation', ['meccan', 'medinan']);

export const quranSurahs = pgTable(
  'quran_surahs',
  {
    number: smallint('number').primaryKey(),
    nameArabic: text('name_arabic').notNull(),
    nameTransliterated: text('name_transliterated').notNull(),
    revelation: quranRevelation('revelation').notNull(),
    ayahCount: smallint('ayah_count').notNull(),
    firstAyahId: integer('first_ayah_id').notNull(),
    lastAyahId: integer('last_ayah_id').notNull(),
    /**
     * Whether the mushaf shows an unnumbered basmala above ayah 1: every surah but Al-Fatihah (whose
     * basmala is its numbered ayah 1) and At-Tawbah (which has none).
     */
    basmalaHeader: boolean('basmala_header').notNull(),
  },
  (t) => [
    check('quran_surahs_number_range', sql`${t.number} BETWEEN 1 AND 114`),
    check('quran_surahs_ayah_span', sql`${t.lastAyahId} - ${t.firstAyahId} + 1 = ${t.ayahCount}`),
  ],
);

export const quranAyahs = pgTable(
  'quran_ayahs',
  {
    /** The ayah's global index in mushaf order, 1 (1:1) to 6236 (114:6). */
    id: integer('id').primaryKey(),
    surah: smallint('surah')
      .notNull()
      .references(() => quranSurahs.number),
    ayah: smallint('ayah').notNull(),
    juz: smallint('juz').notNull(),
    hizb: smallint('hizb').notNull(),
    /** Rub' al-hizb, 1..240 over the whole Quran (4 per hizb, 8 per juz). */
    quarter: smallint('quarter').notNull(),
    /** Page of the 604-page Madani mushaf. */
    page: smallint('page').notNull(),
    /**
     * Where the ayah's text starts and ends in the 15-line Madani layout, in hundredths of a line counted
     * from the top of page 1. Estimated from the page boundaries and the ayahs' letter counts (the
     * packages have no line data): within half a line for 9 ayahs in 10. Sizes "N lines" of new memorisation.
     */
    lineStart: integer('line_start').notNull(),
    lineEnd: integer('line_end').notNull(),
    /** An ayah of prostration (sajdat at-tilawah). */
    sajda: boolean('sajda').notNull().default(false),
    /** Words are the text split at U+0020; waqf and sajda marks stay attached to their word. */
    wordCount: smallint('word_count').notNull(),
    /** Uthmani (Hafs) text exactly as the package gives it. */
    text: text('text').notNull(),
  },
  (t) => [
    uniqueIndex('quran_ayahs_surah_ayah_key').on(t.surah, t.ayah),
    index('quran_ayahs_juz_idx').on(t.juz),
    index('quran_ayahs_page_idx').on(t.page),
    check('quran_ayahs_id_range', sql`${t.id} BETWEEN 1 AND 6236`),
    check('quran_ayahs_ayah_positive', sql`${t.ayah} >= 1`),
    check('quran_ayahs_juz_range', sql`${t.juz} BETWEEN 1 AND 30`),
    check('quran_ayahs_hizb_range', sql`${t.hizb} BETWEEN 1 AND 60`),
    check('quran_ayahs_quarter_range', sql`${t.quarter} BETWEEN 1 AND 240`),
    check('quran_ayahs_page_range', sql`${t.page} BETWEEN 1 AND 604`),
    check('quran_ayahs_lines_ordered', sql`${t.lineStart} < ${t.lineEnd}`),
    check('quran_ayahs_word_count_positive', sql`${t.wordCount} >= 1`),
  ],
);

/**
 * Every word, so that a mistake can only point at a word that exists (a foreign key, not a check in code).
 * Filled by the loader from quran_ayahs in one statement, with the split rule of db/quran/words.ts; it has
 * no foreign key of its own to quran_ayahs, whose check on 77,428 rows would triple the load time.
 */
export const quranWords = pgTable(
  'quran_words',
  {
    ayahId: integer('ayah_id').notNull(),
    /** 1-based position in the ayah. */
    position: smallint('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ name: 'quran_words_pkey', columns: [t.ayahId, t.position] })],
);

// ---------------------------------------------------------------------------------------------------
// Hifz: plans, the daily sitting and its three checks, mistakes on words, recitations from home.
// ---------------------------------------------------------------------------------------------------

/** `reverse`: from An-Nas upward, surah by surah (most children); `forward`: from Al-Baqarah onward. */
export const hifzDirection = pgEnum('hifz_direction', ['reverse', 'forward']);
/** How the daily new portion (sabaq) is sized. */
export const hifzNewUnit = pgEnum('hifz_new_unit', ['lines', 'ayahs', 'half_pages']);
/** How the daily revision rotation (manzil) is sized. */
export const hifzRevisionUnit = pgEnum('hifz_revision_unit', ['pages', 'quarters', 'hizb', 'juz']);
export const hifzCheckKind = pgEnum('hifz_check_kind', ['sabaq', 'sabqi', 'manzil']);
/** The school's scale, best first; `needs_repeat` means the portion is heard again. */
export const hifzGrade = pgEnum('hifz_grade', ['excellent', 'very_good', 'good', 'acceptable', 'needs_repeat']);
export const hifzMistakeType = pgEnum('hifz_mistake_type', ['forgotten_word', 'wrong_word', 'tajweed', 'hesitation']);
export const hifzAttendance = pgEnum('hifz_attendance', ['present', 'absent', 'excused']);
export const hifzRecitationStatus = pgEnum('hifz_recitation_status', ['uploading', 'submitted', 'graded']);
export const hifzMilestoneKind = pgEnum('hifz_milestone_kind', ['surah', 'juz', 'juz_count']);

export const HIFZ_GRADES = hifzGrade.enumValues;
export type HifzGrade = (typeof HIFZ_GRADES)[number];
export type HifzCheckKind = (typeof hifzCheckKind.enumValues)[number];
export type HifzDirection = (typeof hifzDirection.enumValues)[number];
export type HifzNewUnit = (typeof hifzNewUnit.enumValues)[number];
export type HifzRevisionUnit = (typeof hifzRevisionUnit.enumValues)[number];
export type HifzMistakeType = (typeof hifzMistakeType.enumValues)[number];

/** A range of whole ayahs in mushaf order; both ends exist (foreign keys) and run forward (a check). */
const ayahRange = (prefix = '') => ({
  fromAyahId: integer(`${prefix}from_ayah_id`)
    .notNull()
    .references(() => quranAyahs.id),
  toAyahId: integer(`${prefix}to_ayah_id`)
    .notNull()
    .references(() => quranAyahs.id),
});

/** One plan per student, set by their teacher or an admin; proposals for each day are computed from it. */
export const hifzPlans = pgTable(
  'hifz_plans',
  {
    id: id(),
    documentId: documentId(),
    studentId: integer('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The teacher who hears this student; their class view lists the student. */
    teacherId: integer('teacher_id').references(() => users.id, { onDelete: 'set null' }),
    direction: hifzDirection('direction').notNull(),
    /**
     * The first ayah of new memorisation. Whatever comes before it in the plan's order (for `reverse`,
     * the surahs after it and the ayahs before it in its surah) is taken as already memorised.
     */
    startAyahId: integer('start_ayah_id')
      .notNull()
      .references(() => quranAyahs.id),
    newAmount: smallint('new_amount').notNull(),
    newUnit: hifzNewUnit('new_unit').notNull(),
    /** Sabqi: the sabaq of this many most recent sabaq days is revised daily. */
    sabqiDays: smallint('sabqi_days').notNull(),
    manzilAmount: smallint('manzil_amount').notNull(),
    manzilUnit: hifzRevisionUnit('manzil_unit').notNull(),
    setById: integer('set_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('hifz_plans_student_key').on(t.studentId),
    index('hifz_plans_teacher_idx').on(t.teacherId),
    index('hifz_plans_start_ayah_idx').on(t.startAyahId),
    index('hifz_plans_set_by_idx').on(t.setById),
    check('hifz_plans_new_amount_range', sql`${t.newAmount} BETWEEN 1 AND 300`),
    check('hifz_plans_sabqi_days_range', sql`${t.sabqiDays} BETWEEN 0 AND 60`),
    check('hifz_plans_manzil_amount_range', sql`${t.manzilAmount} BETWEEN 1 AND 604`),
  ],
);

/** A student's sitting with a teacher on a day (attendance included): "days present" are counted here. */
export const hifzSessions = pgTable(
  'hifz_sessions',
  {
    id: id(),
    documentId: documentId(),
    /** Generated by the recording device: a replayed offline session is stored once. */
    clientId: uuid('client_id').notNull(),
    studentId: integer('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teacherId: integer('teacher_id').references(() => users.id, { onDelete: 'set null' }),
    /** The school's calendar day of the sitting. */
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendance: hifzAttendance('attendance').notNull().default('present'),
    note: text('note'),
    /** Recorded while the device was offline and synchronised later. */
    recordedOffline: boolean('recorded_offline').notNull().default(false),
    /** The device's clock when recorded. */
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('hifz_sessions_teacher_client_key').on(t.teacherId, t.clientId),
    // The target of the checks' composite foreign key: a check's student and day are its session's.
    unique('hifz_sessions_id_student_day_key').on(t.id, t.studentId, t.heldOn),
    index('hifz_sessions_student_day_idx').on(t.studentId, t.heldOn),
    index('hifz_sessions_teacher_day_idx').on(t.teacherId, t.heldOn),
    index('hifz_sessions_held_on_idx').on(t.heldOn),
  ],
);

/** One of the sitting's checks: the range heard and its grade. */
export const hifzChecks = pgTable(
  'hifz_checks',
  {
    id: id(),
    documentId: documentId(),
    clientId: uuid('client_id').notNull(),
    sessionId: integer('session_id').notNull(),
    /** Copied from the session (and held equal to it by a foreign key) so that a student's map reads one table. */
    studentId: integer('student_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    kind: hifzCheckKind('kind').notNull(),
    ...ayahRange(),
    grade: hifzGrade('grade').notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'hifz_checks_session_fkey',
      columns: [t.sessionId, t.studentId, t.heldOn],
      foreignColumns: [hifzSessions.id, hifzSessions.studentId, hifzSessions.heldOn],
    })
      .onDelete('cascade')
      .onUpdate('cascade'),
    uniqueIndex('hifz_checks_session_client_key').on(t.sessionId, t.clientId),
    // The target of the mistakes' composite foreign key.
    unique('hifz_checks_id_student_key').on(t.id, t.studentId),
    index('hifz_checks_student_day_idx').on(t.studentId, t.heldOn),
    index('hifz_checks_student_kind_day_idx').on(t.studentId, t.kind, t.heldOn),
    index('hifz_checks_from_ayah_idx').on(t.fromAyahId),
    index('hifz_checks_to_ayah_idx').on(t.toAyahId),
    check('hifz_checks_range_forward', sql`${t.fromAyahId} <= ${t.toAyahId}`),
  ],
);

/** A recitation recorded at home: audio in R2 (multipart, so an upload resumes after a dropped connection). */
export const hifzRecitations = pgTable(
  'hifz_recitations',
  {
    id: id(),
    documentId: documentId(),
    clientId: uuid('client_id').notNull(),
    studentId: integer('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What the student was asked to recite, when it answers a check of the plan. */
    kind: hifzCheckKind('kind'),
    ...ayahRange(),
    r2Key: text('r2_key').notNull(),
    /** R2 multipart upload id while uploading; the parts uploaded so far are listed by R2 itself. */
    uploadId: text('upload_id'),
    mime: varchar('mime', { length: 64 }).notNull(),
    sizeBytes: integer('size_bytes'),
    durationMs: integer('duration_ms'),
    status: hifzRecitationStatus('status').notNull().default('uploading'),
    recordedAt: tstz('recorded_at').notNull(),
    grade: hifzGrade('grade'),
    gradedById: integer('graded_by_id').references(() => users.id, { onDelete: 'set null' }),
    gradedAt: tstz('graded_at'),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('hifz_recitations_student_client_key').on(t.studentId, t.clientId),
    uniqueIndex('hifz_recitations_r2_key').on(t.r2Key),
    // The target of the mistakes' composite foreign key.
    unique('hifz_recitations_id_student_key').on(t.id, t.studentId),
    index('hifz_recitations_student_recorded_idx').on(t.studentId, t.recordedAt),
    index('hifz_recitations_status_idx').on(t.status),
    index('hifz_recitations_from_ayah_idx').on(t.fromAyahId),
    index('hifz_recitations_to_ayah_idx').on(t.toAyahId),
    index('hifz_recitations_graded_by_idx').on(t.gradedById),
    check('hifz_recitations_range_forward', sql`${t.fromAyahId} <= ${t.toAyahId}`),
    check('hifz_recitations_size_positive', sql`${t.sizeBytes} IS NULL OR ${t.sizeBytes} > 0`),
    check('hifz_recitations_duration_positive', sql`${t.durationMs} IS NULL OR ${t.durationMs} > 0`),
    check(
      'hifz_recitations_graded_has_grade',
      sql`(${t.status} = 'graded') = (${t.grade} IS NOT NULL AND ${t.gradedAt} IS NOT NULL)`,
    ),
  ],
);

/** The parts of a recitation's R2 multipart upload received so far (R2 needs each part's etag to complete). */
export const hifzRecitationParts = pgTable(
  'hifz_recitation_parts',
  {
    recitationId: integer('recitation_id')
      .notNull()
      .references(() => hifzRecitations.id, { onDelete: 'cascade' }),
    partNumber: smallint('part_number').notNull(),
    etag: text('etag').notNull(),
    bytes: integer('bytes').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'hifz_recitation_parts_pkey', columns: [t.recitationId, t.partNumber] }),
    check('hifz_recitation_parts_number_positive', sql`${t.partNumber} >= 1`),
  ],
);

/** A mistake tapped on a word (or on a whole ayah, word null) of a check or of a recitation. */
export const hifzMistakes = pgTable(
  'hifz_mistakes',
  {
    id: id(),
    clientId: uuid('client_id').notNull(),
    checkId: integer('check_id'),
    recitationId: integer('recitation_id'),
    /** Copied from the check or recitation (held equal by foreign keys) so that strength reads one table. */
    studentId: integer('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ayahId: integer('ayah_id')
      .notNull()
      .references(() => quranAyahs.id),
    word: smallint('word'),
    type: hifzMistakeType('type').notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'hifz_mistakes_check_fkey',
      columns: [t.checkId, t.studentId],
      foreignColumns: [hifzChecks.id, hifzChecks.studentId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'hifz_mistakes_recitation_fkey',
      columns: [t.recitationId, t.studentId],
      foreignColumns: [hifzRecitations.id, hifzRecitations.studentId],
    }).onDelete('cascade'),
    // A null word (a mistake on the whole ayah) is not matched, so only the ayah must exist.
    foreignKey({
      name: 'hifz_mistakes_word_fkey',
      columns: [t.ayahId, t.word],
      foreignColumns: [quranWords.ayahId, quranWords.position],
    }),
    uniqueIndex('hifz_mistakes_check_client_key')
      .on(t.checkId, t.clientId)
      .where(sql`${t.checkId} IS NOT NULL`),
    uniqueIndex('hifz_mistakes_recitation_client_key')
      .on(t.recitationId, t.clientId)
      .where(sql`${t.recitationId} IS NOT NULL`),
    index('hifz_mistakes_student_ayah_idx').on(t.studentId, t.ayahId),
    index('hifz_mistakes_ayah_idx').on(t.ayahId),
    check('hifz_mistakes_one_parent', sql`num_nonnulls(${t.checkId}, ${t.recitationId}) = 1`),
  ],
);

/** Milestones reached (a surah, a juz, every fifth juz), each once per student; achievements read these. */
export const hifzMilestones = pgTable(
  'hifz_milestones',
  {
    id: id(),
    /** Public: a certificate names its milestone by this (the `hifzMilestone` relation of /api/certificates). */
    documentId: documentId(),
    studentId: integer('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: hifzMilestoneKind('kind').notNull(),
    /** The surah or juz number; for `juz_count`, the number of whole juz memorised (5, 10, ... 30). */
    number: smallint('number').notNull(),
    reachedOn: date('reached_on', { mode: 'string' }).notNull(),
    checkId: integer('check_id').references(() => hifzChecks.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('hifz_milestones_student_kind_number_key').on(t.studentId, t.kind, t.number),
    index('hifz_milestones_reached_on_idx').on(t.reachedOn),
    index('hifz_milestones_check_idx').on(t.checkId),
    check('hifz_milestones_number_positive', sql`${t.number} >= 1`),
  ],
);
