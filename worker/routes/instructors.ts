import { instructorWriter } from '../services/instructor-writer';
import { contentRoutes } from './content-routes';

export const instructorRoutes = contentRoutes('instructors', instructorWriter);
