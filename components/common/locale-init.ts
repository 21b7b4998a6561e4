// Imported first by every page's entry script: ES modules run in import order, so the
// language is set before any component module is evaluated.
import { applyStoredLocale } from './locale.ts';

applyStoredLocale();
