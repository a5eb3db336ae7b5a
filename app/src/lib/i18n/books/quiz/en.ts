// The quiz player's words (loaded by the player when a lesson is a quiz).
import { localeTools } from '../../plural';

const { plural, number, percent } = localeTools('en');

const en = {
  quiz: {
    notOffline:
      'This quiz is not on this phone yet. Open it once while online, or download its course, to take it offline.',
    questions: (p: { count: number }) =>
      plural(p.count, { one: 'One question', other: `${number(p.count)} questions` }),
    timeLimit: (p: { minutes: number }) =>
      plural(p.minutes, { one: 'One minute', other: `${number(p.minutes)} minutes` }),
    noTimeLimit: 'No time limit',
    passMark: (p: { score: number }) => `Pass mark ${percent(p.score)}`,
    attempts: (p: { count: number }) =>
      plural(p.count, { one: 'One attempt allowed', other: `${number(p.count)} attempts allowed` }),
    unlimitedAttempts: 'No limit on attempts',
    start: 'Start the quiz',
    starting: 'Starting…',
    offlineIntro:
      'You are offline. You can take this quiz now: your answers are saved on this phone and sent to the school when you are back online.',
    questionOf: (p: { n: number; total: number }) => `Question ${number(p.n)} of ${number(p.total)}`,
    progressLabel: 'Your way through the quiz',
    points: (p: { count: number }) => plural(p.count, { one: 'One point', other: `${number(p.count)} points` }),
    chooseOne: 'Choose one answer.',
    chooseAll: 'Choose every right answer.',
    true: 'True',
    false: 'False',
    yourAnswer: 'Your answer',
    orderHint: 'Put the items in the right order with the arrow buttons.',
    moveUp: (p: { item: string }) => `Move “${p.item}” up`,
    moveDown: (p: { item: string }) => `Move “${p.item}” down`,
    moved: (p: { item: string; position: number }) => `“${p.item}” is now number ${number(p.position)}.`,
    previous: 'Previous',
    next: 'Next',
    submit: 'Submit answers',
    questionList: 'Questions',
    goTo: (p: { n: number; answered: boolean }) =>
      `Question ${number(p.n)}, ${p.answered ? 'answered' : 'not answered'}`,
    unanswered: (p: { count: number }) =>
      plural(p.count, {
        one: 'One question has no answer yet. Submit anyway?',
        other: `${number(p.count)} questions have no answer yet. Submit anyway?`,
      }),
    submitAnyway: 'Submit anyway',
    keepAnswering: 'Keep answering',
    timeLeft: 'Time left',
    clock: (p: { minutes: number; seconds: number }) =>
      `${number(p.minutes)}:${p.seconds < 10 ? number(0) : ''}${number(p.seconds)}`,
    timeUp: 'Time is up: your answers were submitted.',
    submitting: 'Submitting…',
    submitFailed: 'Your answers could not be sent. They are still here: try again.',
    retry: 'Try again',
    result: 'Your result',
    passed: 'Passed',
    notPassed: 'Not passed yet',
    score: (p: { score: number }) => percent(p.score),
    earned: (p: { earned: number; possible: number }) => `${number(p.earned)} of ${number(p.possible)} points`,
    late: 'Submitted after the time limit: this attempt cannot pass.',
    correct: 'Correct',
    partly: 'Partly correct',
    wrong: 'Not correct',
    noAnswer: 'No answer',
    rightAnswer: 'Right answer',
    acceptedAnswers: 'Accepted answers',
    explanation: 'Explanation',
    answersLater: 'The right answers are shown later, as your teacher chose.',
    newBadge: (p: { title: string }) => `New badge: ${p.title}`,
    takeAgain: 'Take the quiz again',
    takenOffline: 'Taken offline',
    savedTitle: 'Saved on this phone',
    savedBody:
      'Your answers are saved on this phone and will be sent to the school when you are back online. Your result appears here once it is graded.',
    sending: 'Sending to the school…',
    waiting: 'Waiting for a connection to the school',
    sent: 'Sent to the school',
    refused: 'The school did not accept this attempt',
  },
};

export default en;
