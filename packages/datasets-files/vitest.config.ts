export { default } from '@synthgrad/vitest-config';
