import { lessonWriter } from '../services/lesson-writer';
import { contentRoutes } from './content-routes';

export const lessonRoutes = contentRoutes('lessons', lessonWriter);
