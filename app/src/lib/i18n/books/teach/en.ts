// The teach pages' words (loaded by their route group, not in the learner's first visit).
import { localeTools } from '../../plural';

const { number } = localeTools('en');

const en = {
  teach: {
    title: 'Teaching',
    lead: 'Your courses, your classes’ progress and reports, hifz, and pairing codes for parents.',
  },
  // The students page: whom the teacher (or an admin) may give a parent a pairing code for.
  pairingStudents: {
    nav: 'Students',
    title: 'My students',
    lead: 'Students in your courses. Create a pairing code for a student and give it to their parent, who links to the child with it.',
    leadAdmin: 'Every student of the school. Create a pairing code for a student and give it to their parent.',
    search: 'Search by name or username',
    searchButton: 'Search',
    empty: 'No students yet: students appear here once they enroll in one of your courses.',
    noMatch: 'No student matches this search.',
    pairingCode: 'Pairing code',
    close: 'Close',
    previous: 'Previous page',
    next: 'Next page',
    page: (p: { page: number; pages: number }) => `Page ${number(p.page)} of ${number(p.pages)}`,
  },
};

export default en;
