// The catalog's and the course page's words.
import { localeTools } from '../../plural';

const { plural, number, percent } = localeTools('en');

const en = {
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
};

export default en;
