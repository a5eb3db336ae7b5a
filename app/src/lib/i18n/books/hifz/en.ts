// The hifz pages' words: the teacher's class and sitting, the student's map and recordings, the parent's week.
import { localeTools } from '../../plural';

const { plural, number } = localeTools('en');
const span = (p: { first: number; last: number }) =>
  p.first === p.last ? number(p.first) : `${number(p.first)}–${number(p.last)}`;

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
  hifzPlan: {
    title: 'Hifz plan',
    setTitle: 'Set a hifz plan',
    noPlan: 'No hifz plan yet. Set one below, and the app will propose the sabaq, sabqi and manzil each day.',
    noPlanFor: (p: { name: string }) =>
      `${p.name} has no hifz plan yet. Set one below, and the app will propose the sabaq, sabqi and manzil each day.`,
    edit: 'Change the plan',
    direction: 'Direction',
    directions: { reverse: 'From An-Nas upward (juz 30 first)', forward: 'From Al-Baqarah forward' },
    start: 'Start from',
    startHint: 'An ayah or a surah, e.g. 114:1 or An-Nas',
    newAmount: 'Sabaq (new) each day',
    newUnit: 'Sabaq counted in',
    newUnits: { lines: 'Lines', ayahs: 'Ayahs', half_pages: 'Half pages' },
    sabqiDays: 'Sabqi: days of recent sabaq to revise',
    sabqiHint: 'e.g. 7 for the last week’s sabaq; 0 for no sabqi',
    manzilAmount: 'Manzil (revision) each day',
    manzilUnit: 'Manzil counted in',
    manzilUnits: { juz: 'Juz', hizb: 'Hizb', quarters: 'Quarters (rub‘)', pages: 'Pages' },
    teacher: 'Teacher who hears the student',
    noTeacher: 'No teacher yet',
    save: 'Save the plan',
    saving: 'Saving…',
    saved: 'Plan saved. Today’s proposal is below.',
    offline:
      'You are offline. A plan is kept by the school, not on this device: save it when the connection is back. Sittings can still be recorded offline.',
    problems: {
      required: 'Fill this in.',
      range: (p: { min: number; max: number }) => `A whole number from ${number(p.min)} to ${number(p.max)}.`,
      tooLong: (p: { max: number }) => `At most ${number(p.max)} characters.`,
    },
    amount: {
      lines: (n: number) => plural(n, { one: 'one line', other: `${number(n)} lines` }),
      ayahs: (n: number) => plural(n, { one: 'one ayah', other: `${number(n)} ayahs` }),
      half_pages: (n: number) => plural(n, { one: 'half a page', other: `${number(n)} half pages` }),
      juz: (n: number) => plural(n, { one: 'one juz', other: `${number(n)} juz` }),
      hizb: (n: number) => plural(n, { one: 'one hizb', other: `${number(n)} hizb` }),
      quarters: (n: number) => plural(n, { one: 'one quarter (rub‘)', other: `${number(n)} quarters` }),
      pages: (n: number) => plural(n, { one: 'one page', other: `${number(n)} pages` }),
    },
    summary: {
      direction: (p: { direction: string; start: string }) => `${p.direction}, starting at ${p.start}`,
      sabaq: (p: { amount: string }) => `Sabaq: ${p.amount} a day`,
      sabqi: (p: { days: number }) =>
        p.days === 0
          ? 'Sabqi: none'
          : plural(p.days, {
              one: 'Sabqi: the last day’s sabaq',
              other: `Sabqi: the last ${number(p.days)} days of sabaq`,
            }),
      manzil: (p: { amount: string }) => `Manzil: ${p.amount} a day, through everything memorised`,
      teacher: (p: { name: string }) => `Heard by ${p.name}`,
    },
    divisions: {
      juz: (p: { first: number; last: number }) => `Juz ${span(p)}`,
      hizb: (p: { first: number; last: number }) => `Hizb ${span(p)}`,
      quarters: (p: { first: number; last: number }) => `${p.first === p.last ? 'Quarter' : 'Quarters'} ${span(p)}`,
      pages: (p: { first: number; last: number }) => `${p.first === p.last ? 'Page' : 'Pages'} ${span(p)}`,
    },
    todayTitle: 'Today’s proposal',
    none: 'Nothing today',
    complete: 'The plan is complete: everything in it is memorised.',
    repeatSabaq: '(repeat: not yet accepted)',
    classNoPlanTitle: 'Students without a hifz plan',
    classNoPlanLead: 'Set a plan and the app proposes their sabaq, sabqi and manzil each day.',
    allPlanned: 'Every one of your students has a hifz plan.',
    setPlanFor: (p: { name: string }) => `Set a plan for ${p.name}`,
  },
};

export default en;
