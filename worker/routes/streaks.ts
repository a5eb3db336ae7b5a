import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { addReadRoutes } from './content-routes';

export const streakRoutes = addReadRoutes(new Hono<AppEnv>(), 'streaks');
