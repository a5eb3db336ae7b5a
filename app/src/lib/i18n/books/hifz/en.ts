// The hifz pages' words: the teacher's class and sitting, the student's map and recordings, the parent's week.
import { localeTools } from '../../plural';

const { plural, number } = localeTools('en');

const en = {
  hifz: {
    title: 'Hifz',
    classTitle: 'Hifz class',
    classLead: 'Tap a student to hear today’s sabaq, sabqi and manzil.',
    noStudents: 'No student’s hifz plan names you yet.',
    heardThisWeek: 'Heard this week',
    notHeardThisWeek: 'Not heard this week',
    behindPlan: 'Behind plan',
    onPlan: 'On plan',
    toGrade: (p: { count: number }) =>
      plural(p.count, { one: 'One recording to grade', other: `${number(p.count)} recordings to grade` }),
    sabaqToday: (p: { range: string }) => `Today’s sabaq: ${p.range}`,
    lastHeard: (p: { date: string }) => `Last heard ${p.date}`,
    noPlan: 'No hifz plan yet. A teacher sets one.',
    kinds: { sabaq: 'Sabaq (new)', sabqi: 'Sabqi (recent)', manzil: 'Manzil (revision)' },
    repeat: 'Repeat: not yet accepted',
    range: 'Range heard',
    rangeHint: 'e.g. 78:1-16, An-Naba, juz 30',
    grade: 'Grade',
    grades: {
      excellent: 'Excellent',
      very_good: 'Very good',
      good: 'Good',
      acceptable: 'Acceptable',
      needs_repeat: 'Needs repeat',
    },
    mistakeType: 'Tap a word to mark a',
    mistakeTypes: {
      forgotten_word: 'Forgotten word',
      wrong_word: 'Wrong word',
      tajweed: 'Tajweed',
      hesitation: 'Hesitation',
    },
    mistakes: (p: { count: number }) => plural(p.count, { one: 'One mistake', other: `${number(p.count)} mistakes` }),
    wordButton: (p: { word: string; ref: string }) => `${p.word} (${p.ref})`,
    skip: 'Not heard today',
    absent: 'Absent',
    saveSitting: 'Save the sitting',
    saved: 'Saved on this device; sent to the school when online.',
    sent: 'Sent to the school.',
    showMore: 'Show the rest of the range',
    mapTitle: 'Quran map',
    mapLegend: { strong: 'Strong', fair: 'Fair', weak: 'Weak', unheard: 'Not heard since', not_memorised: 'Not yet' },
    juz: (p: { n: number }) => `Juz ${number(p.n)}`,
    cell: (p: { surah: string; memorised: number; ayahs: number; level: string }) =>
      `${p.surah}: ${number(p.memorised)} of ${number(p.ayahs)} ayahs, ${p.level}`,
    memorised: (p: { ayahs: number; juz: number }) =>
      `${number(p.ayahs)} ayahs memorised · ${plural(p.juz, { one: 'one whole juz', other: `${number(p.juz)} whole juz` })}`,
    surah: (p: { name: string }) => `Surah ${p.name}`,
    juzCount: (p: { count: number }) => `${number(p.count)} juz memorised`,
    weakTitle: 'To revise first',
    daysPresent: (p: { last7: number; last30: number }) =>
      `Present ${number(p.last7)} of the last 7 days, ${number(p.last30)} of the last 30`,
    milestones: 'Milestones',
    sittingsTitle: 'Recent sittings',
    noSittings: 'No sitting recorded yet.',
    weekTitle: 'This week',
    week: (p: { present: number; ayahs: number }) =>
      `${plural(p.present, { one: 'One day present', other: `${number(p.present)} days present` })} · ${number(p.ayahs)} new ayahs`,
    recordTitle: 'Record a recitation',
    recordLead: 'Recite to your teacher from home. The recording stays on this phone until it is sent.',
    record: 'Start recording',
    stop: 'Stop',
    recording: 'Recording…',
    send: 'Send to my teacher',
    discard: 'Discard',
    micRefused: 'The microphone is not allowed. Allow it in the browser’s settings to record.',
    recordingsTitle: 'My recordings',
    recordingState: {
      phone: 'Saved on this phone',
      uploading: 'Uploading',
      submitted: 'Waiting for the teacher',
      graded: 'Graded',
    },
    gradeTitle: 'Recordings to grade',
    saveGrade: 'Save the grade',
    delete: 'Delete the recording',
    deleted: 'The recording was deleted.',
    openStudent: (p: { name: string }) => `Open ${p.name}`,
  },
};

export default en;
