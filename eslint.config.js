import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'native-host/build/**', 'test/fixtures/build/**', 'source/db/migrations/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: {process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly'}},
		rules: {
			'@typescript-eslint/no-unused-vars': ['warn', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'no-control-regex': 'off',
			'no-empty': ['error', {allowEmptyCatch: true}],
		},
	},
	{
		files: ['source/**/*.ts', 'source/**/*.tsx'],
		ignores: ['source/db/write.ts'],
		rules: {
			'no-restricted-syntax': ['error', {
				selector: "CallExpression[callee.property.name='transaction']",
				message: 'Write through withWriteTransaction (source/db/write.ts): BEGIN IMMEDIATE, and the whole transaction again when SQLite is busy.',
			}],
		},
	},
);
