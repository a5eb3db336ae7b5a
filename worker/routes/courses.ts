import { courseWriter } from '../services/content/courses';
import { contentRoutes } from './content-routes';

export const courseRoutes = contentRoutes('courses', courseWriter);
