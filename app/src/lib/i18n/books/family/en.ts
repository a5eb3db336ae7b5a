// The family pages' words (loaded by their route group, not in the learner's first visit).
const en = {
  family: { title: 'My family', lead: 'Follow your children’s learning here.' },
};

export default en;
