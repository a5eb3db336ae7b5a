// The achievements page's words: badges, streak, certificates, leaderboard.
import { localeTools } from '../../plural';

const { plural, number, percent } = localeTools('en');

const en = {
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
      hifz_surah: (p: { surah: number }) => `Memorise surah ${number(p.surah)}`,
      hifz_juz: (p: { juz: number }) => `Memorise juz ${number(p.juz)}`,
      hifz_juz_count: (p: { count: number }) =>
        plural(p.count, { one: 'Memorise a whole juz', other: `Memorise ${number(p.count)} whole juz` }),
    },
    byTeacher: 'Given by your teachers',
    noBadges: 'The school has no badges yet.',
    streak: 'Streak',
    longest: (p: { count: number }) =>
      plural(p.count, { one: 'Longest: one day', other: `Longest: ${number(p.count)} days` }),
    totalPoints: 'Points',
    certificates: 'Certificates',
    noCertificates: 'Finish a course, or memorise a whole juz, to receive a certificate.',
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
