/** An xAPI Verb: an IRI that says what happened, and how to show it to people. */
export interface Verb {
  id: string;
  display: Record<string, string>;
}

const adl = (name: string): Verb => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });

/**
 * The vocabulary we record, every id taken from the xAPI registry so that any LRS or dashboard already
 * knows it. Never invent a verb here: a verb nobody recognises makes the statement useless elsewhere.
 */
export const VERBS = {
  experienced: adl('experienced'),
  completed: adl('completed'),
  attempted: adl('attempted'),
  answered: adl('answered'),
  passed: adl('passed'),
  failed: adl('failed'),
  /**
   * ADL's own vocabulary has no verb for receiving a badge. Tin Can's registered "earned" says exactly
   * that ("the actor achieved something, e.g. a badge") from the learner's side, which is the side our
   * statements take; DoD ISD's "awarded" is said by the one who gives the award, so it does not fit.
   */
  earned: { id: 'http://id.tincanapi.com/verb/earned', display: { 'en-US': 'earned' } },
} as const satisfies Record<string, Verb>;
