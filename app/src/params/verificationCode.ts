import type { ParamMatcher } from '@sveltejs/kit';

/** Certificate verification codes: 32 letters and digits. Anything else is not a certificate. */
export const match: ParamMatcher = (param) => /^[A-Za-z0-9]{32}$/.test(param);
