// The learner home's words (loaded on its first visit, so kept to what the home shows).
import { localeTools } from '../../plural';

const { plural, number } = localeTools('en');

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
    badgePoints: (p: { count: number }) => plural(p.count, { one: 'One point', other: `${number(p.count)} points` }),
  },
};

export default en;
