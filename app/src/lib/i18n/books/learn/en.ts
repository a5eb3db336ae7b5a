// The learner's pages besides the lesson player: home, catalog, course page, achievements.
import { localeTools } from '../../plural';

const { plural, number, percent } = localeTools('en');

const en = {
  learnHome: {
    continueTitle: 'Continue where you left off',
    startTitle: 'Your next lesson',
    resume: 'Resume',
    start: 'Start',
    allDone: 'You have finished every lesson of your courses. Well done! Find a new course to keep learning.',
    statsTitle: 'Your progress',
    streak: 'Streak',
    streakDays: (p: { count: number }) =>
      plural(p.count, { one: 'One day in a row', other: `${number(p.count)} days in a row` }),
    streakDoneToday: 'Today counts. See you tomorrow!',
    streakKeep: 'Complete a lesson today to keep it going.',
    streakStart: 'Complete a lesson to start a streak.',
    points: 'Points',
    badges: 'Badges',
    nextTitle: 'Next lessons',
    newBadges: 'New badges',
    allBadges: 'All badges',
  },
  learnCatalog: {
    title: 'Find a course',
    lead: 'Courses of the masjid’s school, for every age.',
    search: 'Search courses',
    filters: 'Filters',
    category: 'Subject',
    ageTier: 'Age group',
    difficulty: 'Level',
    any: 'All',
    categories: {
      quran: 'Qur’an',
      hadith: 'Hadith',
      fiqh: 'Fiqh',
      seerah: 'Seerah',
      aqeedah: 'Aqeedah',
      general: 'General',
    },
    ageTiers: { children: 'Children', youth: 'Youth', adults: 'Adults', all: 'Everyone' },
    difficulties: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
    results: (p: { count: number }) =>
      plural(p.count, { zero: 'No courses', one: 'One course', other: `${number(p.count)} courses` }),
    none: 'No course matches. Try another word or fewer filters.',
    clear: 'Clear filters',
    enrolled: 'Enrolled',
    completed: 'Completed',
    with: (p: { name: string }) => `With ${p.name}`,
    duration: (p: { minutes: number }) =>
      p.minutes < 60
        ? plural(p.minutes, { one: 'One minute', other: `${number(p.minutes)} minutes` })
        : plural(Math.round(p.minutes / 60), {
            one: 'About an hour',
            other: `About ${number(Math.round(p.minutes / 60))} hours`,
          }),
  },
  learnCourse: {
    back: 'All courses',
    about: 'About this course',
    instructor: 'Your teacher',
    lessons: 'Lessons',
    yourProgress: 'Your progress in this course',
    lessonTypes: { article: 'Article', video: 'Video', audio: 'Audio', quiz: 'Quiz', interactive: 'Activity' },
    lessonProgress: (p: { percent: number }) => `${percent(p.percent)} done`,
    completed: 'Completed',
    notStarted: 'Not started',
    locked: 'Locked until you finish the lessons before it',
    prerequisites: 'Before this course',
    prerequisitesMissing: 'Complete these courses first:',
    prerequisitesDone: 'You have completed every course this one builds on.',
    prerequisiteDone: 'Completed',
    prerequisitePending: 'Not completed yet',
    enroll: 'Enroll',
    enrolling: 'Enrolling…',
    enrolled: 'You are enrolled in this course.',
    enrolledNow: 'You are enrolled. Start with the first lesson!',
    enrollFirst: 'Enroll to open the lessons.',
    cannotEnroll: 'Complete the courses above to enroll.',
    dropped: 'You left this course. Enroll again to carry on where you were.',
    enrollAgain: 'Enroll again',
    finished: 'You completed this course.',
    startCourse: 'Start the first lesson',
  },
  learnBadges: {
    title: 'Achievements',
    badges: 'Badges',
    earnedCount: (p: { earned: number; total: number }) => `${number(p.earned)} of ${number(p.total)} earned`,
    earnedOn: (p: { date: string }) => `Earned ${p.date}`,
    notEarned: 'Not earned yet',
    points: (p: { count: number }) => plural(p.count, { one: 'One point', other: `${number(p.count)} points` }),
    badgeTypes: { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' },
    rules: {
      course_completion: (p: { count: number }) =>
        plural(p.count, { one: 'Complete a course', other: `Complete ${number(p.count)} courses` }),
      quiz_mastery: (p: { minScore: number; count: number }) =>
        plural(p.count, {
          one: `Score ${percent(p.minScore)} or more in a quiz`,
          other: `Score ${percent(p.minScore)} or more in ${number(p.count)} quizzes`,
        }),
      streak: (p: { days: number }) => `Learn ${number(p.days)} days in a row`,
      participation: (p: { lessons: number }) =>
        plural(p.lessons, { one: 'Complete a lesson', other: `Complete ${number(p.lessons)} lessons` }),
    },
    byTeacher: 'Given by your teachers',
    noBadges: 'The school has no badges yet.',
    streak: 'Streak',
    longest: (p: { count: number }) =>
      plural(p.count, { one: 'Longest: one day', other: `Longest: ${number(p.count)} days` }),
    totalPoints: 'Points',
    certificates: 'Certificates',
    noCertificates: 'Finish a course to receive its certificate.',
    issuedOn: (p: { date: string }) => `Issued ${p.date}`,
    certificateNumber: (p: { number: string }) => `No. ${p.number}`,
    openPdf: 'Open the certificate',
    opening: 'Opening…',
    share: 'Share the verification link',
    copied: 'Link copied. Paste it wherever you like.',
    shareTitle: (p: { course: string }) => `My certificate: ${p.course}`,
    leaderboard: 'Leaderboard',
    period: 'Period',
    periods: { week: 'This week', month: 'This month', all: 'All time' },
    you: 'You',
    rank: (p: { rank: number }) => `#${number(p.rank)}`,
    yourPlace: (p: { rank: number; points: number }) =>
      `Your place: #${number(p.rank)} with ${plural(p.points, { one: 'one point', other: `${number(p.points)} points` })}`,
    noEntries: 'Nobody has points in this period yet.',
  },
};

export default en;
