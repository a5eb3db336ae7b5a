// A published course with one lesson of each playable type, made through the API as a teacher would:
// an article with a verse and a du'a in Arabic, a recording (WAV), a video (WebM, streamed by ranges) and
// two interactive activities (put in order, flashcards), and on request the demo's five-pillars quiz. Its
// media are real files the browser plays.
import type { Browser } from 'playwright-core';
import { pillarsQuiz } from '../../db/seed/demo-content';
import { signInDemo } from './accounts';
import { numberedWebm, toneWav } from './lesson-media';
import { webVtt } from './media-fixtures';

type LessonRef = { documentId: string; title: string };

export interface LessonCourse {
  documentId: string;
  title: string;
  lessons: Record<'article' | 'audio' | 'video' | 'order' | 'flashcards', LessonRef> & { quiz?: LessonRef };
  media: { audio: string; video: string; captions: string[] };
}

async function call(appUrl: string, token: string, method: string, path: string, body: unknown) {
  const res = await fetch(appUrl + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

async function upload(appUrl: string, token: string, bytes: Uint8Array<ArrayBuffer>, name: string, type: string) {
  const form = new FormData();
  form.append('files', new Blob([bytes], { type }), name);
  const res = await fetch(`${appUrl}/api/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const json = (await res.json()) as any;
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(json)}`);
  return json[0] as { id: number; url: string };
}

/** The video's captions (with `captions`): wudu.en.vtt and wudu.ar.vtt, a cue every two seconds. */
export const CAPTION_CUES = {
  en: ['Wash both hands three times', 'Rinse the mouth'],
  ar: ['اغسل يديك ثلاث مرات', 'تمضمض'],
} as const;

export const ORDER_ITEMS = ['Shahadah', 'Salah', 'Zakah', 'Sawm', 'Hajj'];
export const CARDS = [
  { front: 'ٱلرَّحْمَٰنُ', frontLang: 'ar', back: 'The Most Merciful' },
  { front: 'ٱلْمَلِكُ', frontLang: 'ar', back: 'The King' },
  { front: 'ٱلسَّلَامُ', frontLang: 'ar', back: 'The Source of Peace' },
] as const;

/**
 * `audioSeconds` and `videoSeconds` set the files' lengths; the video's frames are noisy so that it weighs
 * a few megabytes and the browser has to ask for later ranges when it seeks. `quiz` adds a sixth lesson
 * holding the demo's five-pillars quiz (tests/support/quiz-taking.ts answers it); `captions` attaches
 * English and Arabic WebVTT captions to the video, and the English file to the recording too.
 */
export async function makeLessonCourse(
  appUrl: string,
  browser: Browser,
  options: { title?: string; audioSeconds?: number; videoSeconds?: number; quiz?: boolean; captions?: boolean } = {},
): Promise<LessonCourse> {
  const { jwt } = await signInDemo(appUrl, 'teacher.amina');
  const title = options.title ?? `Surah Al-Ikhlas by heart ${Date.now().toString(36)}`;
  const course = await call(appUrl, jwt, 'POST', '/api/courses', {
    data: { title, category: 'quran', description: 'Read, listen, watch and practise.', isPublished: true },
  });
  const audio = await upload(appUrl, jwt, toneWav(options.audioSeconds ?? 20), 'ikhlas.wav', 'audio/wav');
  const video = await upload(
    appUrl,
    jwt,
    await numberedWebm(browser, options.videoSeconds ?? 30),
    'wudu.webm',
    'video/webm',
  );
  const captions = options.captions
    ? [
        await upload(appUrl, jwt, webVtt([...CAPTION_CUES.en]), 'wudu.en.vtt', 'text/vtt'),
        await upload(appUrl, jwt, webVtt([...CAPTION_CUES.ar]), 'wudu.ar.vtt', 'text/vtt'),
      ]
    : [];
  const lesson = (order: number, data: object) =>
    call(appUrl, jwt, 'POST', '/api/lessons', { data: { course: course.documentId, order, duration: 5, ...data } });
  const made = {
    article: await lesson(1, {
      title: 'Surah Al-Ikhlas',
      type: 'article',
      content:
        '<p>Sincerity: four verses equal to a third of the Quran.</p>' +
        '<p dir="rtl" lang="ar"><span class="quran-verse">قُلْ هُوَ ٱللَّهُ أَحَدٌ ۝ ٱللَّهُ ٱلصَّمَدُ</span></p>' +
        '<p>Before reading, say:</p><p dir="rtl" lang="ar"><span class="dua">رَبِّ زِدْنِي عِلْمًا</span></p>',
    }),
    audio: await lesson(2, {
      title: 'Listen and repeat',
      type: 'audio',
      content: 'Repeat each verse after the reciter.',
      media: audio.id,
      attachments: captions.slice(0, 1).map((file) => file.id),
    }),
    video: await lesson(3, {
      title: 'How the verses are read',
      type: 'video',
      content: 'Watch the teacher read slowly.',
      media: video.id,
      attachments: captions.map((file) => file.id),
    }),
    order: await lesson(4, {
      title: 'The five pillars in order',
      type: 'interactive',
      content: 'Put them back in order.',
      interactive: {
        kind: 'order',
        prompt: 'Order the pillars of Islam as the hadith lists them.',
        items: ORDER_ITEMS,
      },
    }),
    flashcards: await lesson(5, {
      title: 'Names of Allah',
      type: 'interactive',
      content: 'Turn each card.',
      interactive: { kind: 'flashcards', cards: CARDS },
    }),
  };
  const quiz = options.quiz
    ? await lesson(6, { title: 'Check: the five pillars', type: 'quiz', content: 'A short check.' })
    : null;
  if (quiz) await call(appUrl, jwt, 'POST', '/api/quizzes', { data: { ...pillarsQuiz, lesson: quiz.documentId } });
  const pick = (l: LessonRef) => ({ documentId: l.documentId, title: l.title });
  return {
    documentId: course.documentId,
    title,
    lessons: {
      article: pick(made.article),
      audio: pick(made.audio),
      video: pick(made.video),
      order: pick(made.order),
      flashcards: pick(made.flashcards),
      ...(quiz && { quiz: pick(quiz) }),
    },
    media: { audio: audio.url, video: video.url, captions: captions.map((file) => file.url) },
  };
}
