import { quizWriter } from '../services/content/quizzes';
import { contentRoutes } from './content-routes';

export const quizRoutes = contentRoutes('quizzes', quizWriter);
