import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/storage/src/schema.ts',
  out: './packages/storage/migrations',
});
