export { ApiClient, publicApi, type AccessTokens, type RequestOptions } from './client';
export { ApiError, NetworkError } from './errors';
export { toQueryString } from './query';
export type * from './types';
