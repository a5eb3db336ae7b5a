import { quizWriter } from '../services/quiz-writer';
import { contentRoutes } from './content-routes';

export const quizRoutes = contentRoutes('quizzes', quizWriter);
