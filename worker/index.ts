import { createApp } from './app';
import type { Env } from './env';
import { readUnreadBody } from './lib/unread-body';

const app = createApp();

export default {
  async fetch(request, env, ctx) {
    const response = await app.fetch(request, env, ctx);
    await readUnreadBody(request);
    return response;
  },
} satisfies ExportedHandler<Env>;
