import { instructorWriter } from '../services/content/instructors';
import { contentRoutes } from './content-routes';

export const instructorRoutes = contentRoutes('instructors', instructorWriter);
