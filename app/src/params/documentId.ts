import type { ParamMatcher } from '@sveltejs/kit';

/** Strapi v5 documentIds as the API issues them: 24 lowercase letters and digits (`worker/lib/ids.ts`). */
export const match: ParamMatcher = (param) => /^[a-z0-9]{24}$/.test(param);
