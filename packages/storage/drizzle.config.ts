import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./packages/storage/src/schema.ts', './packages/storage/src/identity.schema.ts'],
  out: './packages/storage/migrations',
});
