import type { InteractiveActivity } from '../../worker/contract/interactive';
import type { courseCategory } from '../schema/enums';

type Category = (typeof courseCategory.enumValues)[number];

export interface DemoLesson {
  title: string;
  type: 'article' | 'video' | 'audio' | 'quiz' | 'interactive';
  content: string;
  duration: number;
  isLocked?: boolean;
  /** An interactive lesson's activity (checked against worker/contract/interactive.ts in the tests). */
  interactive?: InteractiveActivity;
  quiz?: {
    title: string;
    passingScore: number;
    timeLimit: number | null;
    randomizeQuestions: boolean;
    questions: unknown[];
  };
}

export interface DemoCourse {
  title: string;
  category: Category;
  ageTier: 'children' | 'youth' | 'adults' | 'all';
  difficulty: 'beginner' | 'intermediate' | 'advanced';
  description: string;
  /** Minutes; null while the teacher has not estimated it. */
  estimatedDuration: number | null;
  tags: string[];
  instructor: number;
  isPublished: boolean;
  lessons: DemoLesson[];
}

const fatihaQuiz = {
  title: 'Al-Fatiha check',
  passingScore: 70,
  timeLimit: 600,
  randomizeQuestions: true,
  questions: [
    {
      id: 'q1',
      type: 'single_choice',
      prompt: 'How many verses are in Surah Al-Fatiha?',
      options: ['5', '7', '9'],
      answer: 1,
      points: 1,
    },
    {
      id: 'q2',
      type: 'true_false',
      prompt: 'Al-Fatiha is recited in every rak‘ah of the prayer.',
      answer: true,
      points: 1,
    },
    {
      id: 'q3',
      type: 'short_answer',
      prompt: 'Complete: بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ …',
      answer: ['ٱلرَّحِيمِ', 'الرحيم', 'ar-rahim'],
      points: 1,
    },
  ],
};

/** Also taken by the browser tests, on a course of their own (tests/support/lesson-course.ts). */
export const pillarsQuiz = {
  title: 'The five pillars',
  passingScore: 60,
  timeLimit: null,
  randomizeQuestions: false,
  questions: [
    {
      id: 'q1',
      type: 'multiple_choice',
      prompt: 'Which of these are pillars of Islam?',
      options: ['Salah', 'Zakah', 'Hajj', 'Eid'],
      answer: [0, 1, 2],
      points: 2,
    },
    {
      id: 'q2',
      type: 'ordering',
      prompt: 'Put the pillars in their traditional order.',
      options: ['Salah', 'Shahadah', 'Sawm', 'Zakah', 'Hajj'],
      answer: [1, 0, 3, 2, 4],
      points: 2,
    },
  ],
};

const article = (title: string, content: string, duration = 10): DemoLesson => ({
  title,
  type: 'article',
  content,
  duration,
});

export const DEMO_COURSES: DemoCourse[] = [
  {
    title: 'Reading Juz ‘Amma with Tajweed',
    category: 'quran',
    ageTier: 'children',
    difficulty: 'beginner',
    description: 'Short surahs of the 30th juz, read slowly with the basic rules of tajweed.',
    estimatedDuration: 240,
    tags: ['tajweed', 'juz-amma'],
    instructor: 0,
    isPublished: true,
    lessons: [
      article(
        'Surah Al-Fatiha',
        '<p dir="rtl" lang="ar">بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ۝ ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ</p><p>The Opening: seven verses recited in every prayer.</p>',
      ),
      {
        title: 'Listening: Surah Al-Ikhlas',
        type: 'audio',
        content: 'Listen, then repeat each verse after the reciter.',
        duration: 5,
      },
      {
        title: 'Makharij al-huruf',
        type: 'video',
        content: 'Where each letter is pronounced from.',
        duration: 12,
        isLocked: true,
      },
      {
        title: 'Al-Fatiha check',
        type: 'quiz',
        content: 'Test what you learned.',
        duration: 10,
        isLocked: true,
        quiz: fatihaQuiz,
      },
    ],
  },
  {
    title: 'Forty Hadith of Imam an-Nawawi',
    category: 'hadith',
    ageTier: 'youth',
    difficulty: 'intermediate',
    description: 'The foundational collection, one hadith a week, with its meaning and lessons.',
    estimatedDuration: 600,
    tags: ['nawawi', 'arbaeen'],
    instructor: 1,
    isPublished: true,
    lessons: [
      article(
        'Actions are by intentions',
        '<p dir="rtl" lang="ar">إِنَّمَا الأَعْمَالُ بِالنِّيَّاتِ</p><p>Hadith 1: the place of intention in every deed.</p>',
      ),
      { title: 'Hadith Jibril', type: 'video', content: 'Islam, Iman and Ihsan explained.', duration: 20 },
      {
        title: 'Hadith Jibril in order',
        type: 'interactive',
        content: 'Put the questions Jibril asked in the order of the hadith.',
        duration: 8,
        interactive: {
          kind: 'order',
          prompt: 'Jibril came as a man in white and asked the Prophet ﷺ five things. In what order did he ask them?',
          items: [
            'Tell me about Islam',
            'Tell me about Iman',
            'Tell me about Ihsan',
            'Tell me about the Hour',
            'Tell me about its signs',
          ],
        },
      },
    ],
  },
  {
    title: 'Fiqh of Purification and Prayer',
    category: 'fiqh',
    ageTier: 'adults',
    difficulty: 'beginner',
    description: 'Wudu, ghusl, tayammum and the prayer, step by step.',
    estimatedDuration: 300,
    tags: ['taharah', 'salah'],
    instructor: 0,
    isPublished: true,
    lessons: [
      article('Making wudu', 'The obligatory and recommended acts of ablution, in order.'),
      { title: 'How to pray', type: 'video', content: 'A complete two-rak‘ah prayer, shown slowly.', duration: 15 },
      { title: 'The five pillars', type: 'quiz', content: 'A short check.', duration: 10, quiz: pillarsQuiz },
    ],
  },
  {
    title: 'The Life of the Prophet ﷺ',
    category: 'seerah',
    ageTier: 'all',
    difficulty: 'beginner',
    description: 'From Makkah to Madinah: the seerah told for the whole family.',
    estimatedDuration: 480,
    tags: ['seerah', 'family'],
    instructor: 1,
    isPublished: true,
    lessons: [
      article('The year of the elephant', 'The world into which the Prophet ﷺ was born.'),
      { title: 'The first revelation', type: 'audio', content: 'The cave of Hira, told as a story.', duration: 14 },
      { title: 'The Hijrah', type: 'video', content: 'The journey to Madinah.', duration: 18 },
    ],
  },
  {
    title: 'Aqeedah for Young Muslims',
    category: 'aqeedah',
    ageTier: 'children',
    difficulty: 'beginner',
    description: 'Who is Allah? The six pillars of iman for children.',
    estimatedDuration: 180,
    tags: ['iman', 'children'],
    instructor: 2,
    isPublished: true,
    lessons: [
      article(
        'The six pillars of iman',
        'Belief in Allah, His angels, His books, His messengers, the Last Day and qadar.',
      ),
      {
        title: 'Names of Allah',
        type: 'interactive',
        content: 'Read each name, think of its meaning, then turn the card.',
        duration: 10,
        interactive: {
          kind: 'flashcards',
          cards: [
            { front: 'ٱلرَّحْمَٰنُ', frontLang: 'ar', back: 'Ar-Rahman: the Most Merciful, whose mercy covers everything' },
            { front: 'ٱلرَّحِيمُ', frontLang: 'ar', back: 'Ar-Rahim: the Especially Merciful to the believers' },
            { front: 'ٱلْمَلِكُ', frontLang: 'ar', back: 'Al-Malik: the King, who owns everything' },
            { front: 'ٱلسَّلَامُ', frontLang: 'ar', back: 'As-Salam: the Source of Peace' },
            { front: 'ٱلْخَالِقُ', frontLang: 'ar', back: 'Al-Khaliq: the Creator' },
          ],
        },
      },
    ],
  },
  {
    title: 'Arabic Letters and Islamic Manners',
    category: 'general',
    ageTier: 'children',
    difficulty: 'beginner',
    description: 'The alphabet, everyday du‘a and good manners at home and in the masjid.',
    estimatedDuration: null,
    tags: ['adab', 'arabic'],
    instructor: 2,
    isPublished: true,
    lessons: [
      article('Du‘a before eating', '<p dir="rtl" lang="ar">بِسْمِ ٱللَّهِ</p><p>Say Bismillah before you eat.</p>', 5),
      { title: 'The alphabet song', type: 'audio', content: 'Alif, ba, ta…', duration: 6 },
    ],
  },
  {
    title: 'Tafsir of Surah Al-Kahf (draft)',
    category: 'quran',
    ageTier: 'adults',
    difficulty: 'advanced',
    description: 'Being prepared: the four stories of Al-Kahf and their lessons.',
    estimatedDuration: 720,
    tags: ['tafsir'],
    instructor: 0,
    isPublished: false,
    lessons: [article('The people of the cave', 'Verses 9–26.')],
  },
];

export const DEMO_INSTRUCTORS = [
  {
    name: 'Ustadha Amina Rahman',
    bio: 'Hafidha; teaches Quran and fiqh.',
    qualifications: ['Ijazah in Hafs', 'BA Islamic Studies'],
    email: 'amina@attaqwa.test',
    teacher: 'teacher.amina',
  },
  {
    name: 'Ustadh Yusuf Ali',
    bio: 'Teaches hadith and seerah to youth.',
    qualifications: ['MA Hadith Sciences'],
    email: 'yusuf@attaqwa.test',
    teacher: 'teacher.yusuf',
  },
  {
    name: 'Sister Khadija Noor',
    bio: 'Early-years teacher.',
    qualifications: ['PGCE Primary'],
    email: 'khadija@attaqwa.test',
    teacher: null,
  },
];

export const DEMO_ACHIEVEMENTS = [
  {
    title: 'First steps',
    description: 'Complete your first course.',
    criteria: { type: 'course_completion', count: 1 },
    points: 10,
    badgeType: 'bronze',
    category: 'course_completion',
  },
  {
    title: 'Seeker of knowledge',
    description: 'Complete three courses.',
    criteria: { type: 'course_completion', count: 3 },
    points: 50,
    badgeType: 'silver',
    category: 'course_completion',
  },
  {
    title: 'Quiz master',
    description: 'Score 90% or more on five quizzes.',
    criteria: { type: 'quiz_mastery', minScore: 90, count: 5 },
    points: 40,
    badgeType: 'gold',
    category: 'quiz_mastery',
  },
  {
    title: 'Steadfast week',
    description: 'Learn seven days in a row.',
    criteria: { type: 'streak', days: 7 },
    points: 30,
    badgeType: 'silver',
    category: 'streak',
  },
  {
    title: 'Regular at the halaqah',
    description: 'Complete twenty lessons.',
    criteria: { type: 'participation', lessons: 20 },
    points: 25,
    badgeType: 'bronze',
    category: 'participation',
  },
  {
    title: 'Forty days',
    description: 'Learn forty days in a row.',
    criteria: { type: 'streak', days: 40 },
    points: 100,
    badgeType: 'platinum',
    category: 'streak',
  },
] as const;
