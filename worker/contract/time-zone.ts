import { z } from 'zod';

/** An IANA time zone the runtime knows: streaks and the school's calendar count days in it. */
export const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'timeZone must be an IANA time zone such as Europe/London');
