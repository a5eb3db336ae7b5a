import { courseWriter } from '../services/course-writer';
import { contentRoutes } from './content-routes';

export const courseRoutes = contentRoutes('courses', courseWriter);
