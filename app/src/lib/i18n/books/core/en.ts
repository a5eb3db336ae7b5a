// The source of every message key. Other locales are checked against this shape (`satisfies Messages`),
// so a missing or misspelt key is a type error. Functions take their values, never concatenate outside.
import { localeTools } from '../../plural';

const { plural, number, percent } = localeTools('en');

const en = {
  meta: { name: 'English', dir: 'ltr' as 'ltr' | 'rtl' },
  app: {
    name: 'AttaqwaMasjid Learning',
    shortName: 'Attaqwa',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
    offline: 'You are offline. Your work is saved on this phone and sent when you are back online.',
    install: 'Install app',
    installHint: 'Add the app to your home screen',
    updateReady: 'A new version of the app is ready.',
    updateReload: 'Reload now',
    updateLater: 'Later',
    language: 'Language',
    notFound: 'This page does not exist.',
    goHome: 'Go to the home page',
    somethingWrong: 'Something went wrong.',
    networkError: 'Could not reach the school. Check your connection and try again.',
  },
  nav: {
    main: 'Main',
    home: 'Home',
    courses: 'Courses',
    progress: 'Progress',
    badges: 'Badges',
    family: 'Family',
    children: 'Children',
    downloads: 'Downloads',
    account: 'Account',
    teach: 'Teaching',
    hifz: 'Hifz',
    admin: 'School admin',
    reports: 'Reports',
    signOut: 'Sign out',
  },
  auth: {
    signInTitle: 'Sign in',
    signInLead: 'Assalamu alaykum! Sign in to continue learning.',
    identifier: 'Username or e-mail',
    identifierHint: 'Children sign in with the username their teacher or parent gave them.',
    password: 'Password',
    showPassword: 'Show password',
    signInButton: 'Sign in',
    signingIn: 'Signing in…',
    noAccount: 'New here?',
    createAccount: 'Create an account',
    signUpTitle: 'Create an account',
    signUpLead: 'Students can create their own account. Parents of young children may ask the school instead.',
    username: 'Username',
    usernameHint: 'At least 3 characters: letters, numbers, dots, dashes or underscores.',
    email: 'E-mail',
    newPassword: 'Password',
    passwordHint: 'At least 8 characters.',
    signUpButton: 'Create account',
    signingUp: 'Creating your account…',
    haveAccount: 'Already have an account?',
    goToSignIn: 'Sign in',
    errorTitle: 'That did not work',
    invalidCredentials: 'Invalid identifier or password. Check them and try again.',
    tooMany: 'Too many attempts. Please wait a few minutes and try again.',
    signedInAs: (p: { name: string }) => `Signed in as ${p.name}`,
  },
  roles: { student: 'Student', parent: 'Parent', teacher: 'Teacher', admin: 'Admin' } as Record<
    'student' | 'parent' | 'teacher' | 'admin',
    string
  >,
  signOut: {
    sending: 'Sending your saved work before signing out…',
    unsentTitle: 'Some work is not sent yet',
    unsent: (p: { count: number }) =>
      plural(p.count, {
        one: 'One piece of work is saved only on this phone. If you sign out now it is lost.',
        other: `${number(p.count)} pieces of work are saved only on this phone. If you sign out now they are lost.`,
      }),
    stay: 'Stay signed in',
    eraseAndSignOut: 'Sign out and erase',
  },
  learn: {
    greeting: (p: { name: string }) => `Assalamu alaykum, ${p.name}`,
    myCourses: 'My courses',
    noCourses: 'You are not enrolled in a course yet.',
    browseCourses: 'Find a course',
    progress: (p: { percent: number }) => `${percent(p.percent)} done`,
    lessons: (p: { count: number }) => plural(p.count, { one: 'One lesson', other: `${number(p.count)} lessons` }),
    continue: 'Continue',
    markComplete: 'Mark as complete',
    completed: 'Completed',
    lessonNotOffline: 'This lesson is not downloaded. Connect to the internet to open it.',
    backToHome: 'Back to home',
  },
  outbox: {
    title: 'Work on this phone',
    empty: 'Everything you did has reached the school.',
    pending: 'Saved on this phone',
    sending: 'Sending…',
    sent: 'Sent',
    refused: 'Refused',
    pendingCount: (p: { count: number }) =>
      plural(p.count, { one: 'One item waits to be sent', other: `${number(p.count)} items wait to be sent` }),
    sendNow: 'Send now',
    progressItem: (p: { lesson: string }) => `Progress in “${p.lesson}”`,
    completedItem: (p: { lesson: string }) => `Completed “${p.lesson}”`,
    quizItem: (p: { quiz: string }) => `Answers to “${p.quiz}”`,
  },
  verify: {
    title: 'Certificate verification',
    genuine: 'This certificate is genuine.',
    awardedTo: 'Awarded to',
    course: 'Course',
    memorised: 'Memorised',
    date: 'Date',
    number: 'Certificate number',
    notFound: 'No certificate matches this code.',
    failed: 'The certificate could not be checked right now. Please try again.',
    checking: 'Checking…',
  },
  // What a hifz milestone certificate is for (learner, family and verification pages). Surahs are not
  // certified today; the names are those children know the last juz by.
  certificateTitles: {
    juz: (p: { n: number }) => {
      const name = ({ 28: "Juz Qad Sami'a", 29: 'Juz Tabarak', 30: "Juz 'Amma" } as Record<number, string>)[p.n];
      return `Juz ${number(p.n)}${name ? ` (${name})` : ''}`;
    },
    juzCount: (p: { count: number }) =>
      p.count === 30 ? 'The whole Quran (30 juz)' : `${number(p.count)} juz of the Quran`,
    surah: (p: { n: number }) => `Surah ${number(p.n)}`,
  },
};

export default en;
export type CoreMessages = typeof en;
