// Imported first by every page's entry script: ES modules run in import order, so the
// language is set before any component module is evaluated.
import { applyStoredLocale } from './locale.ts';

// The first of the page's own code to run (the bench tells module loading from evaluation).
performance.mark('svodka:page:first-module');
applyStoredLocale();
