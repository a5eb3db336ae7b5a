import { achievementWriter } from '../services/content/achievements';
import { contentRoutes } from './content-routes';

export const achievementRoutes = contentRoutes('achievements', achievementWriter);
