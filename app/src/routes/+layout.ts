// SPA mode: the worker serves build/index.html for every non-API path and the client renders the route.
export const ssr = false;
export const prerender = false;
