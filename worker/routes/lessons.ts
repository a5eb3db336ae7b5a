import { lessonWriter } from '../services/content/lessons';
import { contentRoutes } from './content-routes';

export const lessonRoutes = contentRoutes('lessons', lessonWriter);
