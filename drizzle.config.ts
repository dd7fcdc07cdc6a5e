import {defineConfig} from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './source/db/schema.ts',
	out: './source/db/migrations',
});
