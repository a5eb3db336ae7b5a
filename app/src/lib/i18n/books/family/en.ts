// The family pages' words (loaded by their route group, not in the learner's first visit), and the
// pairing-code card that teachers' and admins' pages mount (it loads this book itself).
import { localeTools } from '../../plural';

const { plural, number, percent } = localeTools('en');

const en = {
  family: {
    title: 'My family',
    lead: 'Follow your children’s learning here.',
    addChild: 'Add a child',
    pairChild: 'Link with a code',
    noChildrenTitle: 'No children linked yet',
    noChildren:
      'Create an account for your child, or enter the pairing code their teacher gave you to link an account they already have.',
    chooseChild: 'Choose a child',
    totals: 'Summary',
    coursesEnrolled: (p: { count: number }) =>
      plural(p.count, { one: 'One course', other: `${number(p.count)} courses` }),
    coursesCompleted: (p: { count: number }) =>
      plural(p.count, { one: 'One completed', other: `${number(p.count)} completed` }),
    lessonsCompleted: (p: { count: number }) =>
      plural(p.count, { one: 'One lesson done', other: `${number(p.count)} lessons done` }),
    points: (p: { count: number }) => plural(p.count, { one: 'One point', other: `${number(p.count)} points` }),
    savedCopy: (p: { time: string }) => `Saved ${p.time}. No connection: this may not be the latest.`,
  },
  children: {
    courses: 'Courses',
    noCourses: 'Not enrolled in a course yet.',
    lessonsOf: (p: { done: number; total: number }) => `${number(p.done)} of ${number(p.total)} lessons`,
    quizAverage: (p: { score: number }) => `Quiz average ${percent(p.score)}`,
    status: { enrolled: 'Enrolled', in_progress: 'In progress', completed: 'Completed', dropped: 'Left' } as Record<
      'enrolled' | 'in_progress' | 'completed' | 'dropped',
      string
    >,
    activity: 'Recent activity',
    noActivity: 'No lessons opened yet.',
    lessonDone: 'Completed',
    lessonProgress: (p: { percent: number }) => `${percent(p.percent)} done`,
    badges: 'Badges',
    noBadges: 'No badges earned yet.',
    badgePoints: (p: { count: number }) => plural(p.count, { one: 'One point', other: `${number(p.count)} points` }),
    certificates: 'Certificates',
    noCertificates: 'No certificates yet: one comes with each finished course and each juz memorised.',
    certificateNumber: (p: { number: string }) => `No. ${p.number}`,
    openPdf: 'Open the PDF',
    openingPdf: 'Opening…',
    copyLink: 'Copy the verification link',
    linkCopied: 'Link copied',
    quizzes: 'Quiz results',
    noQuizzes: 'No quizzes taken yet.',
    quizScore: (p: { score: number }) => percent(p.score),
    passed: 'Passed',
    notPassed: 'Not passed yet',
    loadingRecords: 'Loading the records…',
  },
  pairing: {
    title: 'Link a child with a code',
    lead: 'Your child’s teacher or the school office can give you a one-time pairing code. It works once and for 48 hours.',
    code: 'Pairing code',
    codeHint: 'Eight letters and digits, like K7QF-9XA2. Capitals, spaces and the dash do not matter.',
    submit: 'Link child',
    submitting: 'Linking…',
    linked: (p: { name: string }) => `You are now linked to ${p.name}.`,
    unknown: 'This code is not right. Check each letter and digit and try again.',
    used: 'This code has already been used. Ask the teacher for a new one.',
    withdrawn: 'This code was withdrawn. Ask the teacher for a new one.',
    expired: 'This code has expired (codes last 48 hours). Ask the teacher for a new one.',
    alreadyLinked: 'You are already linked to this child.',
    notAStudent: 'This code is for an account that is no longer a student. Ask the school.',
    tooMany: 'Too many wrong codes. Please wait an hour and try again.',
    back: 'Back to my family',
  },
  addChild: {
    title: 'Add a child',
    lead: 'Create an account for your child. Children do not need an e-mail address: they sign in with the username and password you choose here.',
    fullName: 'Child’s name',
    fullNameHint: 'Shown to the child and their teachers.',
    username: 'Username',
    usernameHint:
      'At least 3 characters: letters, numbers, dots, dashes or underscores. Your child types it to sign in.',
    password: 'Password',
    passwordHint: 'At least 8 characters. Write it down for your child.',
    ageTier: 'Age group',
    ageTiers: { children: 'Children', youth: 'Youth', adults: 'Adults' } as Record<
      'children' | 'youth' | 'adults',
      string
    >,
    submit: 'Create the account',
    submitting: 'Creating…',
    created: (p: { name: string; username: string }) =>
      `${p.name}’s account is ready. They sign in with the username “${p.username}”.`,
    taken: 'This username is taken. Try another one.',
  },
  pairingCard: {
    title: 'Pairing code',
    lead: (p: { name: string }) =>
      `A one-time code that links a parent to ${p.name}. Give it only to the child’s own parent.`,
    generate: 'Create a pairing code',
    generateAnother: 'Create a new code',
    generating: 'Creating…',
    codeLabel: 'The code',
    expires: (p: { date: string }) => `Works once, until ${p.date}.`,
    openUntil: (p: { date: string }) => `A code is already open until ${p.date}. A new one works as well.`,
    copy: 'Copy',
    copied: 'Copied',
    shownOnce: 'The code is shown only now: write it down or copy it before leaving this page.',
  },
};

export default en;
