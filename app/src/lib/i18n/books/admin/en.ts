// The admin pages' words (loaded by their route group, not in the learner's first visit).
const en = {
  admin: { title: 'School administration', lead: 'Users, families, achievements and settings.' },
};

export default en;
