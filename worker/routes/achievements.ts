import { achievementWriter } from '../services/achievement-writer';
import { contentRoutes } from './content-routes';

export const achievementRoutes = contentRoutes('achievements', achievementWriter);
