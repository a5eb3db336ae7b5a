// The teach pages' words (loaded by their route group, not in the learner's first visit).
const en = {
  teach: { title: 'Teaching', lead: 'Your courses and classes will appear here.' },
};

export default en;
