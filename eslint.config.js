import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.output',
      '.wxt',
      '.tools',
      '.tmp',
      'artefacts',
      'data',
      'tests/e2e/pages/forms/corpus',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Classic scripts the extension's pages load as they are (no bundling, no imports).
    files: ['public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { document: 'readonly', localStorage: 'readonly', performance: 'readonly' },
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='skip']",
          message: 'Skipped tests are defects.',
        },
        {
          selector: "CallExpression[callee.property.name='only']",
          message: 'Focused tests are defects.',
        },
      ],
    },
  },
);
