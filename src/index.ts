export * from './core/versions';
